import 'fake-indexeddb/auto';
import { afterEach, expect, it, vi } from 'vitest';
import { connect } from '@nats-io/transport-node';
import { nkeyAuthenticator } from '@nats-io/nats-core';
import { jetstreamManager } from '@nats-io/jetstream';
import { DEMO_STATIONS } from '@shared/demo/demo-network';
import { userNKeySeed } from '@shared/sync/nkey';
import { streamName } from '@shared/sync/subjects';
import { SyncEngine } from '@renderer/sync/engine';
import type { ConnectFn } from '@renderer/sync/exchange';
import { RESEND_AFTER_MS } from '@renderer/sync/outbox';
import { outboxTable, probesTable } from '@renderer/sync/tables';
import { startNatsServer } from '../../../support/nats-server';
import { closeStation, openStation, sendProbe } from './helpers';

/**
 * A station offline past the stream's retention (issue 12): the exchange drops what waited for it, but the sender
 * keeps every event until the recipient's own cursor covers it, so the station gets it all when it comes back.
 * The stream here keeps messages for 1.5 s instead of 60 days; the sender's clock is moved past the resend delay.
 */

const A = DEMO_STATIONS.lvxiang;
const B = DEMO_STATIONS.zhapu;
const nodeConnect: ConnectFn = (options) => connect(options);
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  vi.useRealTimers();
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('delivers everything to a station that was offline longer than the exchange keeps messages', async () => {
  const server = await startNatsServer({ limits: { maxAgeDays: 1.5 / 86_400 } });
  cleanups.push(() => server.dispose());
  const [a, b] = [await openStation(A), await openStation(B)];
  cleanups.push(() => closeStation(a), () => closeStation(b));

  const engineA = new SyncEngine({ database: a.database, appliers: a.appliers, connect: nodeConnect, random: () => 0 });
  cleanups.push(() => engineA.stop());
  engineA.start(server.url);
  const sent = [await sendProbe(a, [B], '离线期间发出一'), await sendProbe(a, [B], '离线期间发出二')];
  // The exchange took them...
  await until(async () => {
    const rows = await outboxTable(a.database).where('peer').equals(B).toArray();
    return rows.length === 2 && rows.every((r) => r.sentAt);
  });
  // ...and dropped them unread: B was offline past the stream's max_age.
  const admin = await connect({ servers: server.url, authenticator: nkeyAuthenticator(userNKeySeed(server.admin.secretKey)) });
  cleanups.push(() => admin.close());
  const jsm = await jetstreamManager(admin);
  await until(async () => (await jsm.streams.info(streamName(A))).state.messages === 0);

  // B comes back; its first cursor shows A's events uncovered, and A's clock is past the resend delay.
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + RESEND_AFTER_MS + 1000 });
  const engineB = new SyncEngine({ database: b.database, appliers: b.appliers, connect: nodeConnect, random: () => 0 });
  cleanups.push(() => engineB.stop());
  engineB.start(server.url);
  await until(async () => (await probesTable(b.database).toArray()).filter((p) => p.direction === 'received').length === 2);
  expect((await probesTable(b.database).toArray()).filter((p) => p.direction === 'received').map((p) => p.aggregateId).sort()).toEqual([...sent].sort());
  // Confirmed by B's cursor, not by the exchange: A's outbox empties only now.
  await until(async () => (await outboxTable(a.database).count()) === 0);
}, 60_000);
