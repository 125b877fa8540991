import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@nats-io/transport-node';
import { nkeyAuthenticator, type NatsConnection } from '@nats-io/nats-core';
import { jetstream, type JsMsg } from '@nats-io/jetstream';
import { DEMO_STATIONS, demoStationKey } from '@shared/demo/demo-network';
import { userNKeySeed } from '@shared/sync/nkey';
import { consumerName, inboxSubject, messageId, replyInboxPrefix, streamName } from '@shared/sync/subjects';
import { SyncEngine } from '@renderer/sync/engine';
import { openExchange, type ConnectFn, type Exchange } from '@renderer/sync/exchange';
import { nextBatches } from '@renderer/sync/outbox';
import { probesTable } from '@renderer/sync/tables';
import { startNatsServer, type TestNatsServer } from '../../../support/nats-server';
import { closeStation, openStation, sendProbe, type TestStation } from './helpers';

/**
 * The exchange against a hostile or crashing neighbour, on real nats-servers: message ids scoped by author, a
 * short ack wait with in-progress heartbeats, and a quota per inbox.
 */

const A = DEMO_STATIONS.lvxiang;
const B = DEMO_STATIONS.zhapu;
const C = DEMO_STATIONS.yaozhuang;
/** A neighbour of A, B and C that misbehaves. */
const X = DEMO_STATIONS.xinbang;
const nodeConnect: ConnectFn = (options) => connect(options);

let normal: TestNatsServer;
/** Small limits so quotas and ack waits show within a test. */
let tight: TestNatsServer;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  normal = await startNatsServer();
  tight = await startNatsServer({ limits: { inboxMaxMessages: 10, authorMaxBytes: 1024 * 1024, ackWaitMs: 600 } });
}, 60_000);
afterAll(async () => {
  await normal.dispose();
  await tight.dispose();
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(50);
  }
}

async function station(code: string): Promise<TestStation> {
  const s = await openStation(code);
  cleanups.push(() => closeStation(s));
  return s;
}

async function connectAs(server: TestNatsServer, code: string): Promise<NatsConnection> {
  const nc = await connect({ servers: server.url, authenticator: nkeyAuthenticator(userNKeySeed(demoStationKey(code).secretKey)), inboxPrefix: replyInboxPrefix(code) });
  cleanups.push(() => nc.close().catch(() => undefined));
  return nc;
}

async function exchangeAs(server: TestNatsServer, code: string): Promise<Exchange> {
  const exchange = await openExchange(server.url, { code, secretKey: demoStationKey(code).secretKey }, nodeConnect);
  cleanups.push(() => exchange.close().catch(() => undefined));
  return exchange;
}

describe('message ids scoped by author', () => {
  it("keeps a victim's batch when a neighbour publishes junk under its id first", async () => {
    const [a, b] = [await station(A), await station(B)];
    const text = '被抢先占用的批次号';
    await sendProbe(a, [B], text);
    const [batch] = await nextBatches(a.database, { code: A, key: demoStationKey(A) }, B);
    if (!batch) throw new Error('no batch');

    const hostile = jetstream(await connectAs(normal, X), { timeout: 3000 });
    // Under the victim's own subject: refused by the exchange's permissions.
    await expect(hostile.publish(inboxSubject(B, A), new Uint8Array([1]), { msgID: messageId(A, batch.id) })).rejects.toThrow();
    // Under its own subject with the victim's (scoped or bare) id: stored in its own stream, its own id space.
    for (const id of [messageId(A, batch.id), batch.id]) {
      const ack = await hostile.publish(inboxSubject(B, X), new TextEncoder().encode('junk'), { msgID: id });
      expect(ack.stream).toBe(streamName(X));
    }

    const exchange = await exchangeAs(normal, A);
    expect((await exchange.publish(batch)).duplicate).toBe(false);
    const engine = new SyncEngine({ database: b.database, appliers: b.appliers, connect: nodeConnect, random: () => 0 });
    cleanups.push(() => engine.stop());
    engine.start(normal.url);
    await until(async () => (await probesTable(b.database).toArray()).some((p) => p.text === text));
  });
});

describe('crash recovery', () => {
  it('redelivers a message left unacknowledged by a killed consumer within the 2 s ack wait', async () => {
    const exchange = await exchangeAs(normal, A);
    const [a] = [await station(A)];
    await sendProbe(a, [C], '崩溃前收到未确认');
    const [batch] = await nextBatches(a.database, { code: A, key: demoStationKey(A) }, C);
    if (!batch) throw new Error('no batch');
    await exchange.publish(batch);

    const crashed = await connectAs(normal, C);
    const consumer = await jetstream(crashed).consumers.get(streamName(A), consumerName(C));
    expect((await consumer.info()).config.ack_wait).toBe(2_000 * 1_000_000);
    const first = await consumer.next({ expires: 5000 });
    expect(first?.info.deliveryCount).toBe(1);
    await crashed.close(); // killed mid-apply: never acked

    const restarted = await connectAs(normal, C);
    const again = await (await jetstream(restarted).consumers.get(streamName(A), consumerName(C))).next({ expires: 8000 });
    expect(again?.seq).toBe(first?.seq);
    expect(again?.info.deliveryCount).toBe(2);
    again?.ack();
  }, 30_000);

  it('keeps a message held by a long apply with in-progress heartbeats: it is not delivered again', async () => {
    const exchange = await exchangeAs(tight, A);
    const a = await station(A);
    await sendProbe(a, [B], '慢慢应用');
    const [batch] = await nextBatches(a.database, { code: A, key: demoStationKey(A) }, B);
    if (!batch) throw new Error('no batch');
    await exchange.publish(batch);

    const reader = await exchangeAs(tight, B);
    const prepared: number[] = [];
    let committed = 0;
    const consumer = await reader.consume<number>({
      prepare: async (data) => {
        prepared.push(data.length);
        return data.length;
      },
      commit: async (size) => {
        await size;
        await sleep(2500); // four ack waits of 600 ms
        committed += 1;
        return 'ack';
      },
    });
    cleanups.push(async () => consumer.stop());
    await until(async () => committed === 1);
    await sleep(1200);
    expect(prepared).toHaveLength(1);
  }, 30_000);
});

describe('quota per inbox', () => {
  it("stops a neighbour flooding another's inbox while the other inboxes and authors still work", async () => {
    const hostile = jetstream(await connectAs(tight, X), { timeout: 3000 });
    const junk = new Uint8Array(1024).fill(7);
    let accepted = 0;
    let refusal = '';
    for (let i = 0; i < 30 && !refusal; i += 1) {
      try {
        await hostile.publish(inboxSubject(B, X), junk);
        accepted += 1;
      } catch (error) {
        refusal = String(error);
      }
    }
    expect(accepted).toBe(10);
    expect(refusal).toMatch(/maximum messages per subject/i);
    // Bytes: its whole stream is bounded too (1 MiB here), whichever inboxes it aims at.
    const big = new Uint8Array(200 * 1024).fill(8);
    let bigAccepted = 0;
    refusal = '';
    for (let i = 0; i < 10 && !refusal; i += 1) {
      try {
        await hostile.publish(inboxSubject(C, X), big);
        bigAccepted += 1;
      } catch (error) {
        refusal = String(error);
      }
    }
    expect(bigAccepted).toBeLessThan(6);
    expect(refusal).toMatch(/maximum bytes/i);

    // Another author still reaches the flooded station, and the station still reads it.
    const a = await station(A);
    await sendProbe(a, [B], '洪水之后');
    const [batch] = await nextBatches(a.database, { code: A, key: demoStationKey(A) }, B);
    if (!batch) throw new Error('no batch');
    expect((await (await exchangeAs(tight, A)).publish(batch)).duplicate).toBe(false);
    const reader = await connectAs(tight, B);
    const message: JsMsg | null = await (await jetstream(reader).consumers.get(streamName(A), consumerName(B))).next({ expires: 5000 });
    expect(message?.headers?.get('Nats-Msg-Id')).toBe(messageId(A, batch.id));
    message?.ack();
  }, 30_000);
});
