import { DEMO_STATIONS } from '../../../shared/demo/demo-network';
import { DEFAULT_EXCHANGE_LIMITS } from '../../../shared/provisioning/jetstream';
import { startNatsServer, type TestNatsServer } from '../../support/nats-server';
import { percentile, type BenchFigure, type StationBenchCase, type StationBenchEnv } from '../lib';
import { openReceiver, type ReceiverPage } from './receiver-page';
import { openSender, writeProbes, type Sender } from './sender';

/**
 * Sync end to end with the receiving station in Chromium on real IndexedDB (sealed at rest, as on a station PC):
 * the sender is a station in this Node process, the exchange a real nats-server on a free loopback port, and the
 * receiver talks to it over WebSocket like the app. Each figure is timed in Node, from an event at the sender to
 * the receiver's report that the batch holding it committed.
 */
const A = DEMO_STATIONS.lvxiang;
const B = DEMO_STATIONS.zhapu;
const EVENTS = 10_000;
const LATENCY_SAMPLES = 60;
/** The crash comes once the receiver is this far into the stream (batches of up to 500 are then being applied). */
const CRASH_AFTER = 2_000;

interface Stations {
  server: TestNatsServer;
  sender: Sender;
  receiver: ReceiverPage;
  env: StationBenchEnv;
  dataKey: number[];
  dbName: string;
  close(): Promise<void>;
}

/** A fresh exchange, sender and receiving page; `prepare` runs at the sender before either starts syncing. */
async function stations(env: StationBenchEnv, expectEvents: number, prepare: (sender: Sender) => Promise<void>): Promise<Stations> {
  const server = await startNatsServer();
  const sender = await openSender(A, expectEvents);
  const context = await env.browser.newContext();
  const dataKey = Array.from(crypto.getRandomValues(new Uint8Array(32)));
  const dbName = `bench-receiver-${B}`;
  try {
    await prepare(sender);
    const receiver = await openReceiver(context, { url: env.url, dbName, code: B, dataKey, fresh: true, wsUrl: server.wsUrl });
    return {
      server,
      sender,
      receiver,
      env,
      dataKey,
      dbName,
      close: async () => {
        await sender.close();
        await context.close();
        await server.dispose();
      },
    };
  } catch (error) {
    await sender.close();
    await context.close();
    await server.dispose();
    throw error;
  }
}

/** Checks that B applied A's stream exactly up to `seq`, each event once (waiting up to `timeoutMs` to get there). */
async function expectCursor(receiver: ReceiverPage, seq: number, timeoutMs = 0): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let cursor = await receiver.cursor(A);
  while (cursor < seq && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    cursor = await receiver.cursor(A);
  }
  if (cursor !== seq) throw new Error(`receiver's cursor for ${A} is ${cursor}, expected ${seq}`);
  const logged = await receiver.logged(A);
  if (logged !== seq) throw new Error(`receiver's log holds ${logged} of ${A}'s events, expected ${seq}`);
}

export const cases: StationBenchCase[] = [
  {
    // 10,000 events written at A before the clock starts, B online and waiting; the figure is from A's engine
    // starting until B has verified and applied all of them.
    name: 'sync.e2e',
    async run(env) {
      const s = await stations(env, EVENTS, (sender) => writeProbes(sender, B, EVENTS));
      try {
        const start = performance.now();
        s.sender.engine.start(s.server.url);
        await s.receiver.waitApplied(EVENTS, 120_000);
        const seconds = (performance.now() - start) / 1000;
        await expectCursor(s.receiver, EVENTS);
        const floor = await s.receiver.idbPutFloor();
        return [
          { name: 'sync.e2e_10k_events_s', value: seconds, unit: 's' },
          { name: 'sync.e2e_events_per_s', value: EVENTS / seconds, unit: 'events/s' },
          // Where the time goes: until the exchange had taken all of A's batches.
          { name: 'sync.e2e_10k_sent_s', value: ((s.sender.sent.allAt ?? performance.now()) - start) / 1000, unit: 's' },
          { name: 'sync.bytes_per_event', value: s.sender.sent.bytes / Math.max(1, s.sender.sent.events), unit: 'bytes' },
          // This machine's floor, in the receiving page: bare IndexedDB puts of log-row-sized rows.
          { name: 'sync.e2e_floor_idb_puts_per_s', value: floor, unit: 'rows/s' },
        ] satisfies BenchFigure[];
      } finally {
        await s.receiver.stop();
        await s.close();
      }
    },
  },
  {
    // One event at a time: from A's transaction committing until B reports the batch applied.
    name: 'sync.latency',
    async run(env) {
      const s = await stations(env, Number.POSITIVE_INFINITY, async () => undefined);
      try {
        s.sender.engine.start(s.server.url);
        // Warm up: both connected, consumers attached, the first batch through.
        await writeProbes(s.sender, B, 1);
        await s.receiver.waitApplied(1, 30_000);
        const samples: number[] = [];
        for (let i = 1; i <= LATENCY_SAMPLES; i += 1) {
          await writeProbes(s.sender, B, 1, i);
          const committed = performance.now();
          await s.receiver.waitApplied(i + 1, 10_000);
          samples.push(performance.now() - committed);
        }
        await expectCursor(s.receiver, LATENCY_SAMPLES + 1);
        return [
          { name: 'sync.latency_p50_ms', value: percentile(samples, 50), unit: 'ms' },
          { name: 'sync.latency_p95_ms', value: percentile(samples, 95), unit: 'ms' },
        ];
      } finally {
        await s.receiver.stop();
        await s.close();
      }
    },
  },
  {
    // The receiving renderer crashes mid-apply; a new page opens on the same profile (the same IndexedDB, the
    // data key unlocked again). The figure is from the crash until the new page applies events again; the run
    // then checks that all events arrive, each once (the cursor is exactly the stream's length).
    name: 'sync.crash_resume',
    async run(env) {
      const s = await stations(env, EVENTS, (sender) => writeProbes(sender, B, EVENTS));
      let second: ReceiverPage | null = null;
      try {
        s.sender.engine.start(s.server.url);
        await s.receiver.waitApplied(CRASH_AFTER, 120_000);
        const page = s.receiver.page;
        const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
        const cdp = await page.context().newCDPSession(page);
        const killedAt = performance.now();
        void cdp.send('Page.crash').catch(() => undefined);
        await crashed;
        const appliedBefore = s.receiver.applied();
        second = await openReceiver(page.context(), { url: env.url, dbName: s.dbName, code: B, dataKey: s.dataKey, fresh: false, wsUrl: s.server.wsUrl });
        const readyAt = performance.now();
        await second.waitApplied(1, 60_000);
        const resumedAt = performance.now();
        await page.close().catch(() => undefined);
        await expectCursor(second, EVENTS, 120_000);
        return [
          { name: 'sync.crash_resume_s', value: (resumedAt - killedAt) / 1000, unit: 's' },
          // Where the time goes: until the new page had opened the station and started syncing.
          { name: 'sync.crash_resume_page_ready_s', value: (readyAt - killedAt) / 1000, unit: 's' },
          { name: 'sync.crash_applied_before_kill', value: appliedBefore, unit: 'events' },
          // The bound beside it: what the crashed page held comes again only after the exchange's ack wait.
          { name: 'sync.crash_ack_wait_s', value: DEFAULT_EXCHANGE_LIMITS.ackWaitMs / 1000, unit: 's' },
        ];
      } finally {
        await second?.stop();
        await s.close();
      }
    },
  },
];
