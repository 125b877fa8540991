import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { DEMO_STATIONS, demoStationKey, signedDemoRoster, DEMO_ROOT, demoRoster } from '@shared/demo/demo-network';
import { signBatch, type SignedBatch } from '@shared/sync/batch';
import { GENESIS_HASH, PROTOCOL_VERSION, eventHash, signEvent, type SignedEvent } from '@shared/sync/event';
import { generateKeyPair } from '@shared/sync/keys';
import { signRoster } from '@shared/sync/roster';
import { combineAppliers } from '@renderer/sync/appliers';
import { appliers as syncAppliers } from '@renderer/features/sync/sync-appliers';
import { nextBatches, markSent } from '@renderer/sync/outbox';
import { applyCheckedBatch, checkBatch, receiveBatch } from '@renderer/sync/inbox';
import { acceptRoster, loadTrust } from '@renderer/sync/trust';
import { appendEventInOwnTransaction } from '@renderer/sync/event-log';
import { conflictsTable, cursorsTable, eventsTable, outboxTable, pendingTable, probesTable, quarantineTable } from '@renderer/sync/tables';
import { OFFICER, closeStation, openStation, sendProbe, type TestStation } from './helpers';

const A = DEMO_STATIONS.lvxiang;
const B = DEMO_STATIONS.zhapu;

let a: TestStation;
let b: TestStation;

beforeEach(async () => {
  a = await openStation(A);
  b = await openStation(B);
});
afterEach(async () => {
  await closeStation(a);
  await closeStation(b);
});

const keyOf = (code: string) => ({ code, key: demoStationKey(code) });

async function batchesFromA(): Promise<SignedBatch[]> {
  return nextBatches(a.database, keyOf(A), B, 100, { maxEvents: 1, maxBytes: 1_000_000 });
}

/** A hand-made event of `author`, to play a misbehaving station. */
function craftEvent(author: string, seq: number, prev: string, aggregateId: string, text: string, secretKey = demoStationKey(author).secretKey): SignedEvent {
  return signEvent(
    { v: PROTOCOL_VERSION, id: ulid(), type: 'sync.probe', aggregateId, authorStation: author, authorOfficer: OFFICER, seq, prev, hlc: '1767225600000-0000', recipients: [B], payload: { text } },
    secretKey,
  );
}

function craftBatch(from: string, events: SignedEvent[], secretKey = demoStationKey(from).secretKey): SignedBatch {
  return signBatch({ v: PROTOCOL_VERSION, id: ulid(), from, to: B, createdAt: new Date().toISOString(), events }, secretKey);
}

describe('inbox: verify, order, apply', () => {
  it('applies an event written at A at B once, however often the batch comes', async () => {
    const id = await sendProbe(a, [B], '你好');
    const [batch] = await nextBatches(a.database, keyOf(A), B);
    if (!batch) throw new Error('no batch');
    expect(await receiveBatch(b, batch, 'exchange')).toMatchObject({ outcome: 'applied', applied: 1 });
    expect(await receiveBatch(b, batch, 'exchange')).toMatchObject({ outcome: 'applied', applied: 0, duplicates: 1 });
    expect(await probesTable(b.database).get(id)).toMatchObject({ text: '你好', direction: 'received', from: A });
    expect(await eventsTable(b.database).count()).toBe(1);
    await markSent(a.database, batch);
    expect(await outboxTable(a.database).count()).toBe(0);
  });

  it('holds events that arrive ahead of a gap until the gap fills, then applies them in order', async () => {
    const ids = [await sendProbe(a, [B], '一'), await sendProbe(a, [B], '二'), await sendProbe(a, [B], '三')];
    const [first, second, third] = await batchesFromA();
    if (!first || !second || !third) throw new Error('expected three batches');
    expect(await receiveBatch(b, third, 'exchange')).toMatchObject({ outcome: 'applied', applied: 0, waiting: 1 });
    expect(await receiveBatch(b, second, 'exchange')).toMatchObject({ outcome: 'applied', applied: 0 });
    expect(await probesTable(b.database).count()).toBe(0);
    expect(await pendingTable(b.database).count()).toBe(2);
    expect(await receiveBatch(b, first, 'exchange')).toMatchObject({ outcome: 'applied', applied: 3 });
    expect(await pendingTable(b.database).count()).toBe(0);
    expect((await cursorsTable(b.database).get(A))?.seq).toBe(3);
    for (const id of ids) expect(await probesTable(b.database).get(id)).toBeDefined();
  });

  it('quarantines a tampered batch (bad signatures) and applies nothing', async () => {
    await sendProbe(a, [B], '原文');
    const [batch] = await nextBatches(a.database, keyOf(A), B);
    const event = batch?.events[0];
    if (!batch || !event) throw new Error('no batch');
    const tampered = { ...batch, events: [{ ...event, payload: { text: '篡改' } }] };
    expect(await receiveBatch(b, tampered, 'exchange')).toMatchObject({ outcome: 'quarantined', reason: 'badBatchSignature' });
    const { signature: _s, ...content } = tampered;
    const resigned = signBatch(content, demoStationKey(A).secretKey);
    expect(await receiveBatch(b, resigned, 'exchange')).toMatchObject({ outcome: 'quarantined', reason: 'badEventSignature' });
    expect(await probesTable(b.database).count()).toBe(0);
    expect(await eventsTable(b.database).count()).toBe(0);
    const quarantined = await quarantineTable(b.database).toArray();
    expect(quarantined.map((q) => q.reason).sort()).toEqual(['badBatchSignature', 'badEventSignature']);
  });

  it('quarantines a batch from a station not in the roster, or signed with a key that is not the sender\'s', async () => {
    const stranger = generateKeyPair();
    const unknown = craftBatch('320500000001', [craftEvent('320500000001', 1, GENESIS_HASH, '320500000001:x', '冒充', stranger.secretKey)], stranger.secretKey);
    expect(await receiveBatch(b, unknown, 'exchange')).toMatchObject({ outcome: 'quarantined', reason: 'unknownStation' });
    const forged = craftBatch(A, [craftEvent(A, 1, GENESIS_HASH, `${A}:x`, '伪造', stranger.secretKey)], stranger.secretKey);
    expect(await receiveBatch(b, forged, 'exchange')).toMatchObject({ outcome: 'quarantined', reason: 'badBatchSignature' });
    const notNeighbour = craftBatch(DEMO_STATIONS.sanlian, [craftEvent(DEMO_STATIONS.sanlian, 1, GENESIS_HASH, `${DEMO_STATIONS.sanlian}:x`, '越界')]);
    expect(await receiveBatch(b, notNeighbour, 'exchange')).toMatchObject({ outcome: 'quarantined', reason: 'notNeighbour' });
    expect(await receiveBatch(b, { nonsense: true }, 'exchange')).toMatchObject({ outcome: 'quarantined', reason: 'malformed' });
    expect(await probesTable(b.database).count()).toBe(0);
    expect(await quarantineTable(b.database).count()).toBe(4);
  });

  it('quarantines the whole batch when a station writes an aggregate it has no right to', async () => {
    const good = craftEvent(A, 1, GENESIS_HASH, `${A}:ok`, '合法');
    const trespass = craftEvent(A, 2, eventHash(good), `${B}:theirs`, '越权');
    const result = await receiveBatch(b, craftBatch(A, [good, trespass]), 'exchange');
    expect(result).toMatchObject({ outcome: 'quarantined', reason: 'notAuthorized' });
    expect(await probesTable(b.database).count()).toBe(0);
    expect(await eventsTable(b.database).count()).toBe(0);
    expect(await cursorsTable(b.database).count()).toBe(0);
  });

  it('quarantines a broken chain: an event whose prev is not the author\'s previous event', async () => {
    const first = craftEvent(A, 1, GENESIS_HASH, `${A}:1`, '一');
    const second = craftEvent(A, 2, GENESIS_HASH, `${A}:2`, '二');
    expect(await receiveBatch(b, craftBatch(A, [first, second]), 'exchange')).toMatchObject({ outcome: 'quarantined', reason: 'brokenChain' });
    expect(await probesTable(b.database).count()).toBe(0);
  });

  it('keeps an event that does not fit local state as a conflict with both sides', async () => {
    const first = craftEvent(A, 1, GENESIS_HASH, `${A}:same`, '第一版');
    const second = craftEvent(A, 2, eventHash(first), `${A}:same`, '第二版');
    expect(await receiveBatch(b, craftBatch(A, [first, second]), 'exchange')).toMatchObject({ outcome: 'applied', applied: 1, conflicts: 1 });
    const [conflict] = await conflictsTable(b.database).toArray();
    expect(conflict).toMatchObject({ eventId: second.id, status: 'open', remote: { text: '第二版' }, local: { text: '第一版' } });
    expect((await probesTable(b.database).get(`${A}:same`))?.text).toBe('第一版');
    expect((await cursorsTable(b.database).get(A))?.seq).toBe(2);
  });

  it('rolls back everything when applying crashes midway, and applies the batch in full when it comes again', async () => {
    await sendProbe(a, [B], '一');
    await sendProbe(a, [B], '二');
    const [batch] = await nextBatches(a.database, keyOf(A), B);
    if (!batch) throw new Error('no batch');
    const probes = syncAppliers.batchAppliers?.['sync.probe'];
    if (!probes) throw new Error('no probe applier');
    const crashing = combineAppliers([
      {
        tables: syncAppliers.tables,
        appliers: {},
        batchAppliers: {
          'sync.probe': async (events, tx) => {
            await probes(events, tx);
            throw new Error('power cut');
          },
        },
      },
    ]);
    await expect(receiveBatch({ database: b.database, appliers: crashing }, batch, 'exchange')).rejects.toThrow('power cut');
    expect(await probesTable(b.database).count()).toBe(0);
    expect(await eventsTable(b.database).count()).toBe(0);
    expect(await cursorsTable(b.database).count()).toBe(0);
    expect(await receiveBatch(b, batch, 'exchange')).toMatchObject({ outcome: 'applied', applied: 2 });
    expect(await probesTable(b.database).count()).toBe(2);
  });

  it('hands runs of one type to its batch applier and keeps the order around events applied one by one', async () => {
    const roster = signRoster({ ...demoRoster, version: 2, issuedAt: '2026-02-01T00:00:00.000Z' }, DEMO_ROOT.secretKey);
    const p1 = craftEvent(A, 1, GENESIS_HASH, `${A}:1`, '一');
    const p2 = craftEvent(A, 2, eventHash(p1), `${A}:2`, '二');
    const rosterEvent = signEvent(
      { v: PROTOCOL_VERSION, id: ulid(), type: 'roster.updated', aggregateId: 'roster', authorStation: A, authorOfficer: OFFICER, seq: 3, prev: eventHash(p2), hlc: '1767225600000-0000', recipients: [B], payload: roster },
      demoStationKey(A).secretKey,
    );
    const p4 = craftEvent(A, 4, eventHash(rosterEvent), `${A}:4`, '四');
    const log: string[] = [];
    const recording = combineAppliers([
      {
        tables: syncAppliers.tables,
        appliers: { 'roster.updated': async () => void log.push('roster') },
        batchAppliers: {
          'sync.probe': async (events) => {
            log.push(events.map((e) => (e.payload as { text: string }).text).join(''));
            return events.map(() => null);
          },
        },
      },
    ]);
    const result = await receiveBatch({ database: b.database, appliers: recording }, craftBatch(A, [p4, rosterEvent, p2, p1]), 'exchange');
    expect(result).toMatchObject({ outcome: 'applied', applied: 4, conflicts: 0 });
    expect(log).toEqual(['一二', 'roster', '四']);
    expect((await cursorsTable(b.database).get(A))?.seq).toBe(4);
  });

  it('checks a batch again when the roster changed between its check and its apply (pipelined receiving)', async () => {
    const batch = craftBatch(A, [craftEvent(A, 1, GENESIS_HASH, `${A}:late`, '旧密钥')]);
    const checked = await checkBatch(b, batch, 'exchange');
    expect(checked.kind).toBe('verified');
    // Meanwhile a newer roster arrives in which A has a new key (key rotation): the old key no longer speaks for A.
    const rotated = signRoster(
      { ...demoRoster, version: 2, issuedAt: '2026-02-01T00:00:00.000Z', stations: demoRoster.stations.map((s) => (s.code === A ? { ...s, publicKey: generateKeyPair().publicKey } : s)) },
      DEMO_ROOT.secretKey,
    );
    expect(await acceptRoster(b.database, rotated)).toMatchObject({ ok: true });
    expect(await applyCheckedBatch(b, checked)).toMatchObject({ outcome: 'quarantined', reason: 'badBatchSignature' });
    expect(await probesTable(b.database).count()).toBe(0);
  });

  it('accepts a newer root-signed roster over the exchange and refuses a forged one', async () => {
    const newer = signRoster({ ...demoRoster, version: 2, issuedAt: '2026-02-01T00:00:00.000Z' }, DEMO_ROOT.secretKey);
    await appendEventInOwnTransaction({ type: 'roster.updated', aggregateId: 'roster', recipients: [B], payload: newer, officer: OFFICER }, [], a.database);
    const forged = signRoster({ ...demoRoster, version: 3, issuedAt: '2026-03-01T00:00:00.000Z' }, generateKeyPair().secretKey);
    await appendEventInOwnTransaction({ type: 'roster.updated', aggregateId: 'roster', recipients: [B], payload: forged, officer: OFFICER }, [], a.database);
    const [first, second] = await batchesFromA();
    if (!first || !second) throw new Error('expected two batches');
    expect(await receiveBatch(b, first, 'exchange')).toMatchObject({ outcome: 'applied', applied: 1 });
    expect((await loadTrust(b.database)).roster?.roster.version).toBe(2);
    expect(await receiveBatch(b, second, 'exchange')).toMatchObject({ outcome: 'quarantined', reason: 'notAuthorized' });
    expect((await loadTrust(b.database)).roster?.roster.version).toBe(2);
    expect(signedDemoRoster().roster.version).toBe(1);
  });
});
