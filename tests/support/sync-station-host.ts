/**
 * Node stations for the e2e (tests/e2e/sync-seven.spec.ts), in a child process run by tsx: Playwright's loader
 * cannot load the renderer's modules (path aliases, .vue files behind some index.ts), tsx with the tests' tsconfig
 * can, as for the benchmarks. Each station is the unit tests' harness (tests/unit/renderer/sync/helpers.ts: a
 * demo station on its own fake-indexeddb database) with the real sync engine on a real nats-server.
 * Requests and answers are JSON lines on stdin/stdout (tests/support/sync-station-protocol.ts).
 */
// IndexedDB in Node, before Dexie loads (below).
import 'fake-indexeddb/auto';
import { register } from 'node:module';
import { createInterface } from 'node:readline';
import { ulid } from 'ulid';
import { HOST_ANSWER, hostRequest, type HostRequest, type HostResponse, type StationReport } from './sync-station-protocol';
import { sevenRoster } from './seven-stations';

// No Node station renders a component; a .vue file reached through an index.ts loads as an empty one.
const vueStub = `export async function load(url, context, next) {
  return url.endsWith('.vue') ? { format: 'module', source: 'export default {};', shortCircuit: true } : next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(vueStub)}`);

// Loaded after the stub is registered (static imports would be resolved before it).
const { connect } = await import('@nats-io/transport-node');
const { holdDataKey } = await import('@renderer/platform/db/data-key');
const { SyncEngine } = await import('@renderer/sync/engine');
const { EVENT_LOG_TABLES, appendEvent } = await import('@renderer/sync/event-log');
const { acceptRoster } = await import('@renderer/sync/trust');
const tables = await import('@renderer/sync/tables');
const { OFFICER, closeStation, openStation, sendProbe } = await import('../unit/renderer/sync/helpers');

type Station = Awaited<ReturnType<typeof openStation>>;
type Engine = InstanceType<typeof SyncEngine>;

// As a started window: the station's data key held (sealed tables need it).
await holdDataKey(crypto.getRandomValues(new Uint8Array(32)));

const stations = new Map<string, { station: Station; engine: Engine }>();

function at(code: string): Station {
  const entry = stations.get(code);
  if (!entry) throw new Error(`no Node station ${code}`);
  return entry.station;
}

async function open(url: string, codes: string[]): Promise<void> {
  for (const code of codes) {
    const station = await openStation(code);
    const check = await acceptRoster(station.database, sevenRoster);
    if (!check.ok) throw new Error(`roster refused at ${code}: ${check.reason}`);
    const engine = new SyncEngine({ database: station.database, appliers: station.appliers, connect: (options) => connect(options) });
    stations.set(code, { station, engine });
    engine.start(url);
  }
}

/** A backlog written as a busy station writes it: a few hundred events per transaction. */
async function bulk(from: string, to: string[], count: number, prefix: string, filler: string): Promise<string[]> {
  const station = at(from);
  const ids: string[] = [];
  for (let start = 0; start < count; start += 500) {
    await station.database.transaction('rw', [...EVENT_LOG_TABLES, tables.SYNC_TABLES.probes], async () => {
      for (let i = start; i < Math.min(count, start + 500); i += 1) {
        const aggregateId = `${from}:${ulid()}`; // the protocol's probe form (author code : ULID)
        const text = `${prefix} 第${i}条 ${filler}`.trim();
        await tables.probesTable(station.database).add({ aggregateId, from, to, officer: OFFICER, text, direction: 'sent', at: new Date().toISOString() });
        await appendEvent({ type: 'sync.probe', aggregateId, recipients: to, payload: { text }, officer: OFFICER });
        ids.push(aggregateId);
      }
    });
  }
  return ids;
}

async function forwardRoster(from: string, to: string[]): Promise<void> {
  const station = at(from);
  await station.database.transaction('rw', [...EVENT_LOG_TABLES], async () => {
    await appendEvent({ type: 'roster.updated', aggregateId: 'roster', recipients: to, payload: sevenRoster, officer: OFFICER });
  });
}

async function report(code: string): Promise<StationReport> {
  const database = at(code).database;
  const logCount: Record<string, number> = {};
  await tables.eventsTable(database).each((row) => {
    logCount[row.authorStation] = (logCount[row.authorStation] ?? 0) + 1;
  });
  return {
    code,
    received: (await tables.probesTable(database).toArray()).filter((p) => p.direction === 'received').map((p) => p.aggregateId),
    cursors: (await tables.cursorsTable(database).toArray()).map(({ author, seq, hash }) => ({ author, seq, hash })),
    heads: (await tables.headsTable(database).toArray()).map(({ peer, seq, hash, acked }) => ({ peer, seq, hash, acked })),
    logCount,
    outbox: await tables.outboxTable(database).count(),
    unsent: await tables.outboxTable(database).filter((row) => !row.sentAt).count(),
    pending: await tables.pendingTable(database).count(),
    quarantine: await tables.quarantineTable(database).count(),
    refused: await tables.refusedTable(database).count(),
    conflicts: await tables.conflictsTable(database).count(),
  };
}

async function stop(): Promise<void> {
  for (const { station, engine } of stations.values()) {
    await engine.stop();
    await closeStation(station);
  }
  stations.clear();
}

async function handle(request: HostRequest): Promise<HostResponse> {
  switch (request.cmd) {
    case 'open':
      await open(request.url, request.codes);
      return { id: request.id, ok: true };
    case 'send':
      return { id: request.id, ok: true, ids: [await sendProbe(at(request.from), request.to, request.text, `${request.from}:${ulid()}`)] };
    case 'bulk':
      return { id: request.id, ok: true, ids: await bulk(request.from, request.to, request.count, request.prefix, request.filler) };
    case 'roster':
      await forwardRoster(request.from, request.to);
      return { id: request.id, ok: true };
    case 'report':
      return { id: request.id, ok: true, reports: await Promise.all([...stations.keys()].map(report)) };
    case 'stop':
      await stop();
      return { id: request.id, ok: true };
  }
}

/** Answers carry a marker: anything else a module prints on stdout is not mistaken for one. */
const answer = (response: HostResponse) => process.stdout.write(`${HOST_ANSWER}${JSON.stringify(response)}\n`);

// One request at a time, in order: the driver waits for each answer anyway.
let queue = Promise.resolve();
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const parsed = hostRequest.safeParse(JSON.parse(line));
  if (!parsed.success) {
    answer({ id: -1, ok: false, error: parsed.error.message });
    continue;
  }
  const request = parsed.data;
  queue = queue.then(async () => {
    try {
      answer(await handle(request));
    } catch (error) {
      answer({ id: request.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
  if (request.cmd === 'stop') break;
}
await queue;
process.exit(0);
