import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { connect } from '@nats-io/transport-node';
import { nkeyAuthenticator } from '@nats-io/nats-core';
import { jetstreamManager } from '@nats-io/jetstream';
import { DEMO_STATIONS } from '@shared/demo/demo-network';
import { userNKeySeed } from '@shared/sync/nkey';
import { streamName } from '@shared/sync/subjects';
import { combineAppliers, type ApplierSet } from '@renderer/sync/appliers';
import { appliers as syncAppliers } from '@renderer/features/sync/sync-appliers';
import { SyncEngine } from '@renderer/sync/engine';
import type { ConnectFn } from '@renderer/sync/exchange';
import { EVENT_LOG_TABLES, appendEvent } from '@renderer/sync/event-log';
import { cursorsTable, eventsTable, outboxTable, probesTable } from '@renderer/sync/tables';
import { makeExchangeCertificates, type ExchangeTlsFiles } from '../../../support/exchange-tls';
import { startNatsCluster, type TestNatsCluster } from '../../../support/nats-server';
import { OFFICER, closeStation, openStation, type TestStation } from './helpers';

/**
 * The exchange as a three-node JetStream cluster (R3 streams; the admin tool's node configurations, with TLS and
 * mutual-TLS routes under the deploy guide's certificates): 10,000 events from A to B, A and B on different nodes,
 * while the node leading A's stream is killed (SIGKILL) mid-sync and restarted. B must end with every event applied
 * exactly once and its cursor for A at 10,000.
 */

const A = DEMO_STATIONS.lvxiang;
const B = DEMO_STATIONS.zhapu;
const EVENTS = 10_000;

let cluster: TestNatsCluster | null = null;
let work = '';
let tls: ExchangeTlsFiles;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'yrd-cluster-tls-'));
  // One certificate for the three loopback nodes, made with the deploy guide's commands (§6.1).
  tls = await makeExchangeCertificates(work, { dns: 'localhost', ip: '127.0.0.1' });
});
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await cluster?.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
}, 30_000);

/** The Node transport, trusting the office CA: the nodes serve TLS on 4222 as in production. */
const nodeConnect: ConnectFn = (options) => connect({ ...options, tls: { caFile: tls.caFile } });

async function until(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The sync feature's appliers, counting how often each probe is applied (a redelivered batch must not apply again). */
function countingAppliers(counts: Map<string, number>): ApplierSet {
  const set = combineAppliers([syncAppliers]);
  const probes = set.batchByType.get('sync.probe');
  if (!probes) throw new Error('no probe applier');
  set.batchByType.set('sync.probe', async (events, tx) => {
    const result = await probes(events, tx);
    // Counted once the inbox transaction commits: an aborted one applied nothing.
    tx.on('complete', () => events.forEach((e) => counts.set(e.aggregateId, (counts.get(e.aggregateId) ?? 0) + 1)));
    return result;
  });
  return set;
}

/**
 * `count` probe events written at `from` for `to`, 500 to a transaction (the sending side's own probe rows are left
 * out: only the events travel). Written while the engines already run, as a station keeps writing while it syncs.
 */
async function writeProbes(from: TestStation, to: string, count: number, ids: string[]): Promise<void> {
  for (let start = 0; start < count; start += 500) {
    await from.database.transaction('rw', [...EVENT_LOG_TABLES], async () => {
      for (let i = start; i < Math.min(count, start + 500); i += 1) {
        const aggregateId = `${from.code}:${ulid()}`;
        await appendEvent({ type: 'sync.probe', aggregateId, recipients: [to], payload: { text: `集群 ${i}` }, officer: OFFICER });
        ids.push(aggregateId);
      }
    });
  }
}

function engine(s: TestStation, onDuplicates?: (n: number) => void): SyncEngine {
  const e = new SyncEngine({
    database: s.database,
    appliers: s.appliers,
    connect: nodeConnect,
    random: () => 0,
    onReceived: (r) => r.outcome === 'applied' && onDuplicates?.(r.duplicates),
  });
  cleanups.push(() => e.stop());
  return e;
}

/** Where `stream` lives: its leader and its replicas (asked of any node that answers). */
async function streamPlacement(on: TestNatsCluster, stream: string): Promise<{ replicas: number; leader: string; current: string[] }> {
  const nc = await connect({ servers: on.nodes.map((n) => n.url), authenticator: nkeyAuthenticator(userNKeySeed(on.admin.secretKey)), tls: { caFile: tls.caFile } });
  try {
    const info = await (await jetstreamManager(nc)).streams.info(stream);
    const current = (info.cluster?.replicas ?? []).filter((r) => r.current && !r.offline).map((r) => r.name);
    return { replicas: info.config.num_replicas, leader: info.cluster?.leader ?? '', current };
  } finally {
    await nc.close();
  }
}

describe('sync through a three-node exchange cluster', () => {
  it('delivers 10,000 events A→B exactly once while the node leading the stream is killed and restarted', async () => {
    const applied = new Map<string, number>();
    const a = await openStation(A);
    const b = await openStation(B, countingAppliers(applied));
    cleanups.push(() => closeStation(a), () => closeStation(b));
    const t0 = Date.now();
    // A writes while the cluster comes up and elects its leaders, and goes on writing while it syncs.
    const sent: string[] = [];
    const writing = writeProbes(a, B, EVENTS, sent);
    const up = await startNatsCluster({ tls });
    cluster = up;
    const upAt = Date.now() - t0;
    let duplicates = 0;
    engine(a).start(up.nodes[0]?.url ?? '');
    engine(b, (n) => (duplicates += n)).start(up.nodes[1]?.url ?? '');

    // Mid-sync: some applied at B, most still to come.
    await until(async () => (await probesTable(b.database).count()) >= 1_000, 'the first 1,000 at B', 60_000);
    const placement = await streamPlacement(up, streamName(A));
    expect(placement.replicas).toBe(3);
    const leaderName = placement.leader;
    const leader = up.nodes.find((n) => n.serverName === leaderName);
    if (!leader) throw new Error(`unknown leader ${leaderName}`);
    await leader.kill();
    const atKill = await probesTable(b.database).count();
    expect(atKill).toBeLessThan(EVENTS);
    await new Promise((r) => setTimeout(r, 1_500));
    await leader.start();
    await writing;

    await until(async () => (await cursorsTable(b.database).get(A))?.seq === EVENTS, 'B cursor for A at 10,000', 60_000);
    // A drops what B confirmed once B's cursor reaches it.
    await until(async () => (await outboxTable(a.database).count()) === 0, "A's outbox empty", 30_000);
    // What happened, for the log (not asserted: how much the exchange redelivers depends on timing).
    console.log(`cluster up after ${upAt} ms; killed ${leaderName} with ${atKill} applied at B; ${duplicates} redelivered events skipped; all at B after ${Date.now() - t0} ms`);

    expect((await cursorsTable(b.database).get(A))?.seq).toBe(EVENTS);
    const received = await probesTable(b.database).toArray();
    expect(received).toHaveLength(EVENTS);
    expect(new Set(received.map((p) => p.aggregateId))).toEqual(new Set(sent));
    expect(await eventsTable(b.database).filter((e) => e.authorStation === A).count()).toBe(EVENTS);
    // Applied once each: no event lost, none applied twice, however often the exchange delivered its batch.
    expect(applied.size).toBe(EVENTS);
    expect([...applied.values()].every((n) => n === 1)).toBe(true);
    // The restarted node is back in the stream's group: a leader and two current replicas.
    await until(async () => (await streamPlacement(up, streamName(A))).current.length === 2, 'two current replicas', 20_000);
  }, 150_000);
});
