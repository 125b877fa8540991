import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { DEMO_ROOT, DEMO_STATIONS, demoRoster } from '@shared/demo/demo-network';
import { generateKeyPair } from '@shared/sync/keys';
import { signRoster } from '@shared/sync/roster';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase, db } from '@renderer/platform/db/connection';
import { useStationStore } from '@renderer/platform/station/store';
import { installDemoStation } from '@renderer/sync/demo';
import { useRosterStore } from '@renderer/sync/roster-store';
import { nextBatches, pendingByPeer } from '@renderer/sync/outbox';
import { acceptRoster, loadTrust } from '@renderer/sync/trust';
import { receiveBatch } from '@renderer/sync/inbox';
import { EVENT_LOG_TABLES, appendEvent } from '@renderer/sync/event-log';
import { refusedTable } from '@renderer/sync/tables';
import { demoStationKey } from '@shared/demo/demo-network';
import { closeStation, openStation, OFFICER } from './helpers';

beforeEach(async () => {
  setActivePinia(createPinia());
  await installDemoStation(DEMO_STATIONS.lvxiang);
  await useStationStore().load();
});
afterEach(async () => {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
});

describe('roster store', () => {
  it('lists stations, looks them up and knows our neighbours', async () => {
    const roster = useRosterStore();
    await roster.load();
    expect(roster.version).toBe(1);
    expect(roster.byCode(DEMO_STATIONS.zhapu)?.name).toBe('乍浦镇派出所');
    expect(roster.neighbours.map((s) => s.code).sort()).toEqual([DEMO_STATIONS.xinbang, DEMO_STATIONS.zhendian, DEMO_STATIONS.yaozhuang, DEMO_STATIONS.zhapu].sort());
    expect(roster.isNeighbour(DEMO_STATIONS.sanlian)).toBe(false);
  });

  it('takes a newer root-signed roster and forwards it to the neighbours; refuses older or forged ones', async () => {
    const roster = useRosterStore();
    await roster.load();
    const newer = signRoster({ ...demoRoster, version: 2 }, DEMO_ROOT.secretKey);
    expect(await roster.offer(newer, '310000:000004')).toBe(true);
    expect(roster.version).toBe(2);
    expect([...(await pendingByPeer(db())).keys()].sort()).toEqual(roster.neighbours.map((s) => s.code).sort());
    expect(await roster.offer(newer)).toBe(false);
    expect(await roster.offer(signRoster({ ...demoRoster, version: 5 }, generateKeyPair().secretKey))).toBe(false);
    expect(roster.version).toBe(2);
  });
});

describe('roster updates through sync', () => {
  it('shows a roster taken through sync at once, without another load', async () => {
    const roster = useRosterStore();
    await roster.load();
    expect(roster.version).toBe(1);
    // What the inbox does when a neighbour's roster.updated applies (in its own transaction).
    expect((await acceptRoster(db(), signRoster({ ...demoRoster, version: 3 }, DEMO_ROOT.secretKey))).ok).toBe(true);
    for (let i = 0; i < 100 && roster.version !== 3; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(roster.version).toBe(3);
    roster.unfollow();
  });

  it('refuses a forwarded roster not signed by the root as badRosterSignature, visible among refused events', async () => {
    const b = await openStation(DEMO_STATIONS.zhapu);
    try {
      const forged = signRoster({ ...demoRoster, version: 9 }, generateKeyPair().secretKey);
      await db().transaction('rw', [...EVENT_LOG_TABLES], async () => {
        await appendEvent({ type: 'roster.updated', aggregateId: 'roster', recipients: [b.code], payload: forged, officer: OFFICER });
      });
      const [batch] = await nextBatches(db(), { code: DEMO_STATIONS.lvxiang, key: demoStationKey(DEMO_STATIONS.lvxiang) }, b.code);
      if (!batch) throw new Error('no batch');
      const result = await receiveBatch(b, batch, 'exchange');
      expect(result).toMatchObject({ outcome: 'applied', refused: 1 });
      expect(await refusedTable(b.database).toArray()).toEqual([expect.objectContaining({ type: 'roster.updated', reason: 'badRosterSignature' })]);
      expect((await loadTrust(b.database)).roster?.roster.version).toBe(1);
    } finally {
      await closeStation(b);
    }
  });
});

describe('exchange address', () => {
  it('accepts only WebSocket addresses', async () => {
    const { exchangeUrl } = await import('@renderer/sync/service');
    expect(exchangeUrl.safeParse('ws://127.0.0.1:8080').success).toBe(true);
    expect(exchangeUrl.safeParse(' wss://exchange.yrd.example:443/nats ').success).toBe(true);
    expect(exchangeUrl.safeParse('nats://127.0.0.1:4222').success).toBe(false);
    expect(exchangeUrl.safeParse('http://example').success).toBe(false);
    expect(exchangeUrl.safeParse('ws://').success).toBe(false);
  });

  it('refuses cleartext ws:// to anything but this PC, naming why; wss:// goes anywhere', async () => {
    const { exchangeUrl } = await import('@renderer/sync/service');
    const { EXCHANGE_URL_REFUSALS } = await import('@shared/provisioning/exchange-url');
    for (const loopback of ['ws://localhost:4222', 'ws://127.0.0.1:8080/nats', 'ws://127.8.9.10', 'ws://[::1]:9222']) expect(exchangeUrl.safeParse(loopback).success, loopback).toBe(true);
    for (const remote of ['ws://10.1.2.3:8080', 'ws://exchange.yrd.example', 'ws://127.0.0.1.evil.example', 'ws://localhost.example:80', 'ws://[::2]:9222', 'ws://127.0.0.1@exchange.example', 'ws://user@10.0.0.1:80']) {
      const parsed = exchangeUrl.safeParse(remote);
      expect(parsed.success, remote).toBe(false);
      expect(parsed.error?.issues.map((i) => i.message), remote).toContain(EXCHANGE_URL_REFUSALS.cleartextNotLoopback);
    }
    expect(exchangeUrl.safeParse('wss://10.1.2.3:8443').success).toBe(true);
    // The same rule guards packages and machine policies: one schema.
    const { exchangeUrl: shared } = await import('@shared/provisioning/package');
    expect(shared).toBe(exchangeUrl);
  });
});
