import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@nats-io/transport-node';
import { nkeyAuthenticator } from '@nats-io/nats-core';
import { jetstream } from '@nats-io/jetstream';
import { DEMO_STATIONS, demoStationKey } from '@shared/demo/demo-network';
import { userNKeySeed } from '@shared/sync/nkey';
import { consumerName, inboxSubject, replyInboxPrefix, streamName } from '@shared/sync/subjects';
import { SyncEngine } from '@renderer/sync/engine';
import { openExchange, type ConnectFn } from '@renderer/sync/exchange';
import { receiveBatch } from '@renderer/sync/inbox';
import { nextBatches, unsentPeers } from '@renderer/sync/outbox';
import { eventsTable, outboxTable, probesTable } from '@renderer/sync/tables';
import { startNatsServer, type TestNatsServer } from '../../../support/nats-server';
import { closeStation, openStation, sendProbe, type TestStation } from './helpers';

const A = DEMO_STATIONS.lvxiang;
const B = DEMO_STATIONS.zhapu;
const H = DEMO_STATIONS.sanlian;
const nodeConnect: ConnectFn = (options) => connect(options);

let server: TestNatsServer;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  server = await startNatsServer();
});
afterAll(async () => {
  await server.dispose();
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function station(code: string): Promise<TestStation> {
  const s = await openStation(code);
  cleanups.push(() => closeStation(s));
  return s;
}

function engine(s: TestStation): SyncEngine {
  const e = new SyncEngine({ database: s.database, appliers: s.appliers, connect: nodeConnect, random: () => 0 });
  cleanups.push(() => e.stop());
  return e;
}

async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const received = (s: TestStation, id: string) => async () => (await probesTable(s.database).get(id)) !== undefined;

async function stationConnection(code: string) {
  const nc = await connect({
    servers: server.url,
    authenticator: nkeyAuthenticator(userNKeySeed(demoStationKey(code).secretKey)),
    inboxPrefix: replyInboxPrefix(code),
  });
  cleanups.push(() => nc.close());
  return nc;
}

describe('sync through a real nats-server', () => {
  it('delivers an event written at A to B', async () => {
    const [a, b] = [await station(A), await station(B)];
    engine(a).start(server.url);
    engine(b).start(server.url);
    const id = await sendProbe(a, [B], '吕巷→乍浦');
    await until(received(b, id));
    expect(await probesTable(b.database).get(id)).toMatchObject({ text: '吕巷→乍浦', from: A });
    await until(async () => (await outboxTable(a.database).count()) === 0);
  });

  it('delivers what A wrote while the exchange was down once it is back, and what waited for B when B reconnects', async () => {
    const [a, b] = [await station(A), await station(B)];
    const ea = engine(a);
    ea.start(server.url);
    await until(async () => ea.currentState === 'online');
    await server.stop();
    const whileDown = await sendProbe(a, [B], '断网时写的');
    await new Promise((r) => setTimeout(r, 300));
    expect(await outboxTable(a.database).count()).toBe(1);
    await server.start();
    // Taken by the exchange (sent), but kept until B's cursor confirms it.
    await until(async () => (await unsentPeers(a.database)).size === 0, 20_000);
    expect(await outboxTable(a.database).count()).toBe(1);
    // B was offline all along: the batch waited on the exchange.
    const eb = engine(b);
    eb.start(server.url);
    await until(received(b, whileDown), 20_000);
    await until(async () => (await outboxTable(a.database).count()) === 0, 20_000);
  });

  it('de-duplicates a batch published twice (same batch id) and applies it once', async () => {
    const [a, b] = [await station(A), await station(B)];
    await sendProbe(a, [B], '只应用一次');
    const [batch] = await nextBatches(a.database, { code: A, key: demoStationKey(A) }, B);
    if (!batch) throw new Error('no batch');
    const exchange = await openExchange(server.url, { code: A, secretKey: demoStationKey(A).secretKey }, nodeConnect);
    cleanups.push(() => exchange.close());
    expect((await exchange.publish(batch)).duplicate).toBe(false);
    expect((await exchange.publish(batch)).duplicate).toBe(true);
    // Even past the exchange's window, the inbox applies a batch once.
    expect((await receiveBatch(b, batch, 'exchange')).outcome).toBe('applied');
    engine(b).start(server.url);
    await until(async () => (await probesTable(b.database).count()) === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(await probesTable(b.database).count()).toBe(1);
    expect(await eventsTable(b.database).count()).toBe(1);
  });

  it('refuses a station that is not a neighbour: no publishing to others, no reading their inbox', async () => {
    const hefei = await stationConnection(H);
    const jsH = jetstream(hefei, { timeout: 2000 });
    await expect(jsH.publish(inboxSubject(A, H), new Uint8Array([1]))).rejects.toThrow();
    await expect(jsH.consumers.get(streamName(A), consumerName(B))).rejects.toThrow();
    const lvxiang = await stationConnection(A);
    // A neighbour may publish to B's inbox but not read it, nor subscribe to B's replies.
    const errors: string[] = [];
    void (async () => {
      for await (const s of lvxiang.status()) if (s.type === 'error') errors.push(String(s.error));
    })();
    lvxiang.subscribe(inboxSubject(B, A));
    lvxiang.subscribe(`${replyInboxPrefix(B)}.>`);
    await lvxiang.flush().catch(() => undefined);
    await until(async () => errors.length >= 2, 5000);
    expect(errors.join(' ')).toMatch(/Permissions Violation/i);
    await expect(jetstream(lvxiang, { timeout: 2000 }).consumers.get(streamName(A), consumerName(B))).rejects.toThrow();
  });
});
