import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { DEMO_STATIONS, demoRosterStations, demoStationKey } from '@shared/demo/demo-network';
import { encodeJsonGzip } from '@shared/sync/wire';
import type { RequestForm } from '@shared/assist/model';
import { buildWatchList } from '@shared/assist/watchlist';
import { combineAppliers } from '@renderer/sync/appliers';
import { receiveWireBatch } from '@renderer/sync/inbox';
import { cursorBatch, markSent, nextBatches, unsentPeers } from '@renderer/sync/outbox';
import { refusedTable } from '@renderer/sync/tables';
import { appliers as syncAppliers } from '@renderer/features/sync/sync-appliers';
import { auditTable } from '@renderer/platform/audit/audit-log';
import { appliers } from '@renderer/features/assist/sync-appliers';
import * as commands from '@renderer/features/assist/commands';
import { requestsTable } from '@renderer/features/assist/tables';
import { appendEventInOwnTransaction, closeStation, openStation, type TestStation } from '../sync/helpers';

const { zhendian, yaozhuang, zhapu, lvxiang, xinbang } = DEMO_STATIONS;
const opened: TestStation[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await closeStation(s);
});

async function station(code: string): Promise<TestStation> {
  const s = await openStation(code, combineAppliers([syncAppliers, appliers]));
  opened.push(s);
  return s;
}

/** Sends every station's pending batches (and cursors) and delivers them, a few rounds: the exchange in memory. */
async function settle(stations: TestStation[]): Promise<void> {
  for (let round = 0; round < 4; round += 1) {
    const inbox = new Map<string, Uint8Array[]>();
    const post = (to: string, bytes: Uint8Array) => inbox.set(to, [...(inbox.get(to) ?? []), bytes]);
    for (const s of stations) {
      const self = { code: s.code, key: demoStationKey(s.code) };
      for (const peer of await unsentPeers(s.database)) {
        for (const batch of await nextBatches(s.database, self, peer, 100)) {
          post(batch.to, encodeJsonGzip(batch));
          await markSent(s.database, batch);
        }
      }
      for (const peer of stations) if (peer.code !== s.code) post(peer.code, encodeJsonGzip(await cursorBatch(s.database, self, peer.code)));
    }
    for (const s of stations) for (const bytes of inbox.get(s.code) ?? []) await receiveWireBatch(s, bytes);
  }
}

const officer = (province: string, n: string, name: string) => ({ key: `${province}:${n}`, name });
const actor = (s: TestStation, name: string, province = s.code.startsWith('33') ? '330000' : '310000') => ({
  station: { code: s.code, name },
  officer: officer(province, '000003', '带班民警'),
  database: s.database,
});

function form(): RequestForm {
  return {
    type: 'vehicleIntercept',
    urgency: 'extraUrgent',
    title: '入室盗窃嫌疑人乘车外逃',
    details: '两名嫌疑人乘出租车向嘉善方向逃离，请沿线拦截',
    subjects: [{ kind: 'vehicle', plate: '沪b·12345', description: '蓝色出租车' }],
    places: '蒸淀镇练西公路',
    times: '凌晨3时许',
    caseNumber: 'A310118202603',
    contact: '021-59200110',
    instructions: '发现后立即控制，联系蒸淀派出所',
    addressing: { kind: 'province', province: '330000' },
    watchUntil: null,
    attachments: [],
  };
}

describe('协查 between three stations through signed batches', () => {
  it('raise → received and signed → hit → feedback → close, and the watch-list follows', async () => {
    const [zd, yz, zp] = [await station(zhendian), await station(yaozhuang), await station(zhapu)];
    const raised = await commands.raise(form(), demoRosterStations, actor(zd, '蒸淀派出所'));
    expect(raised.request.addressees).toEqual([yaozhuang, zhapu]);
    expect(raised.request.subjects[0]).toMatchObject({ plate: '沪B12345' });
    await settle([zd, yz, zp]);

    const atYz = await requestsTable(yz.database).get(raised.id);
    expect(atYz).toMatchObject({ side: 'addressee', status: 'open' });
    expect(atYz?.addressees.find((a) => a.station === yaozhuang)?.receivedAt).not.toBeNull();
    expect(buildWatchList(atYz ? [atYz] : [], yaozhuang, new Date()).matchPlate('沪B·12345')).toHaveLength(1);

    await commands.acknowledge(raised.id, actor(yz, '姚庄派出所'));
    await commands.acknowledge(raised.id, actor(zp, '乍浦镇派出所'));
    await commands.sign(raised.id, actor(yz, '姚庄派出所'));
    await commands.recordHit(raised.id, { source: 'checkpoint', matchKind: 'plate', value: '沪B12345', checkpoint: '申嘉湖高速 省界卡口', lane: 2, result: null }, actor(yz, '姚庄派出所'));
    await commands.feedback(raised.id, 'found', '已在卡口查获，人车已控制', [], actor(yz, '姚庄派出所'));
    await settle([zd, yz, zp]);

    const atZd = await requestsTable(zd.database).get(raised.id);
    const yzState = atZd?.addressees.find((a) => a.station === yaozhuang);
    expect(yzState).toMatchObject({ signedBy: { name: '带班民警' }, lastKind: 'found' });
    expect(yzState?.receivedAt).not.toBeNull();
    expect(yzState?.answeredAt).not.toBeNull();
    expect(atZd?.addressees.find((a) => a.station === zhapu)).toMatchObject({ signedAt: null });
    expect(atZd?.addressees.find((a) => a.station === zhapu)?.receivedAt).not.toBeNull();
    expect(atZd?.hits).toMatchObject([{ station: yaozhuang, value: '沪B12345', lane: 2, source: 'checkpoint' }]);
    expect(atZd?.feedback.map((f) => f.kind)).toEqual(['found']);

    await commands.close(raised.id, 'solved', '嫌疑人已抓获', actor(zd, '蒸淀派出所'));
    await settle([zd, yz, zp]);
    for (const s of [yz, zp]) {
      const row = await requestsTable(s.database).get(raised.id);
      expect(row).toMatchObject({ status: 'closed', closure: { result: 'solved', note: '嫌疑人已抓获' } });
      expect(buildWatchList(row ? [row] : [], s.code, new Date()).matchPlate('沪B12345')).toEqual([]);
    }
    await expect(commands.feedback(raised.id, 'progress', '补充', [], actor(yz, '姚庄派出所'))).rejects.toMatchObject({ code: 'closed' });
    await commands.amend(raised.id, '更正案件编号', '案件编号应为 A310118202603-1', actor(zd, '蒸淀派出所'));
    await settle([zd, yz, zp]);
    expect((await requestsTable(zp.database).get(raised.id))?.amendments).toHaveLength(1);

    // Every step is audited where it was taken and where it arrived.
    const actions = (await auditTable(zd.database).toArray()).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['assist.raise', 'assist.close', 'assist.amend', 'assist.received.assist.signed', 'assist.received.assist.watchHit']));
    expect((await auditTable(yz.database).toArray()).map((e) => e.action)).toEqual(expect.arrayContaining(['assist.sign', 'assist.watchHit', 'assist.feedback']));
  });

  it('a forwarded station becomes an addressee; the requester sees who joined', async () => {
    const [zd, yz, lx] = [await station(zhendian), await station(yaozhuang), await station(lvxiang)];
    const raised = await commands.raise({ ...form(), addressing: { kind: 'stations', stations: [yaozhuang] } }, demoRosterStations, actor(zd, '蒸淀派出所'));
    await settle([zd, yz, lx]);
    await expect(commands.forward(raised.id, [lvxiang], '', actor(yz, '姚庄派出所'))).rejects.toMatchObject({ code: 'notSigned' });
    await commands.sign(raised.id, actor(yz, '姚庄派出所'));
    await commands.forward(raised.id, [lvxiang], '车辆可能经金山方向', actor(yz, '姚庄派出所'));
    await settle([zd, yz, lx]);
    const atLx = await requestsTable(lx.database).get(raised.id);
    expect(atLx?.addressees.map((a) => [a.station, a.addedBy])).toEqual([
      [yaozhuang, zhendian],
      [lvxiang, yaozhuang],
    ]);
    await commands.sign(raised.id, actor(lx, '吕巷派出所'));
    await settle([zd, yz, lx]);
    const atZd = await requestsTable(zd.database).get(raised.id);
    expect(atZd?.addressees.find((a) => a.station === lvxiang)).toMatchObject({ addedBy: yaozhuang, signedBy: { name: '带班民警' } });
    await commands.close(raised.id, 'withdrawn', '', actor(zd, '蒸淀派出所'));
    await settle([zd, yz, lx]);
    expect((await requestsTable(lx.database).get(raised.id))?.status).toBe('closed');
  });

  it('refuses a close from an addressee and a sign from a station not addressed', async () => {
    const [zd, yz, xb] = [await station(zhendian), await station(yaozhuang), await station(xinbang)];
    const raised = await commands.raise({ ...form(), addressing: { kind: 'stations', stations: [yaozhuang] } }, demoRosterStations, actor(zd, '蒸淀派出所'));
    await settle([zd, yz, xb]);
    await expect(commands.close(raised.id, 'solved', '', actor(yz, '姚庄派出所'))).rejects.toMatchObject({ code: 'notRequester' });
    // Forged events, signed by their own stations, that the rules refuse on arrival.
    const closedPayload = { requestId: raised.id, at: new Date().toISOString(), officer: officer('330000', '000003', '带班民警'), result: 'solved' as const, note: '' };
    await appendEventInOwnTransaction({ type: 'assist.closed', aggregateId: raised.id, recipients: [zhendian], payload: closedPayload, officer: '330000:000003' }, [], yz.database);
    await appendEventInOwnTransaction(
      { type: 'assist.signed', aggregateId: raised.id, recipients: [zhendian], payload: { requestId: raised.id, at: new Date().toISOString(), officer: officer('310000', '000003', '带班民警') }, officer: '310000:000003' },
      [],
      xb.database,
    );
    await settle([zd, yz, xb]);
    expect((await requestsTable(zd.database).get(raised.id))?.status).toBe('open');
    expect((await requestsTable(zd.database).get(raised.id))?.addressees.map((a) => a.station)).toEqual([yaozhuang]);
    expect((await refusedTable(zd.database).toArray()).map((r) => r.type).sort()).toEqual(['assist.closed', 'assist.signed']);
  });

  it('refuses feedback whose photo is said to be held by another station (it would be fetched from there)', async () => {
    const [zd, yz] = [await station(zhendian), await station(yaozhuang)];
    const raised = await commands.raise({ ...form(), addressing: { kind: 'stations', stations: [yaozhuang] } }, demoRosterStations, actor(zd, '蒸淀派出所'));
    await settle([zd, yz]);
    await commands.sign(raised.id, actor(yz, '姚庄派出所'));
    const feedback = async (ownerStation: string, text: string) => {
      const photo = { id: ulid(), name: 'cctv.jpg', mime: 'image/jpeg', size: 1024, sha256: 'ab'.repeat(32), thumbnail: '', ownerStation };
      const payload = { requestId: raised.id, at: new Date().toISOString(), officer: officer('330000', '000003', '带班民警'), feedbackId: ulid(), kind: 'progress' as const, text, attachments: [photo] };
      await appendEventInOwnTransaction({ type: 'assist.feedback', aggregateId: raised.id, recipients: [zhendian], payload, officer: '330000:000003' }, [], yz.database);
    };
    await feedback(lvxiang, '照片在吕巷');
    await feedback(yaozhuang, '照片在姚庄');
    await settle([zd, yz]);
    expect((await requestsTable(zd.database).get(raised.id))?.feedback.map((f) => f.text)).toEqual(['照片在姚庄']);
    expect((await refusedTable(zd.database).toArray()).map((r) => [r.type, r.reason])).toEqual([['assist.feedback', 'notAuthorized']]);
  });

  it('a request needs at least one neighbour to reach', async () => {
    const zd = await station(zhendian);
    await expect(commands.raise({ ...form(), addressing: { kind: 'stations', stations: [DEMO_STATIONS.sanlian] } }, demoRosterStations, actor(zd, '蒸淀派出所'))).rejects.toMatchObject({ code: 'noAddressees' });
  });
});
