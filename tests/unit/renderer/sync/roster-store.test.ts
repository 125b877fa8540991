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
import { pendingByPeer } from '@renderer/sync/outbox';

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

describe('exchange address', () => {
  it('accepts only WebSocket addresses', async () => {
    const { exchangeUrl } = await import('@renderer/sync/service');
    expect(exchangeUrl.safeParse('ws://127.0.0.1:8080').success).toBe(true);
    expect(exchangeUrl.safeParse(' wss://exchange.yrd.example:443/nats ').success).toBe(true);
    expect(exchangeUrl.safeParse('nats://127.0.0.1:4222').success).toBe(false);
    expect(exchangeUrl.safeParse('http://example').success).toBe(false);
    expect(exchangeUrl.safeParse('ws://').success).toBe(false);
  });
});
