import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { connect } from '@nats-io/transport-node';
import { DEMO_STATIONS } from '../../../shared/demo/demo-network';
import { StationDatabase } from '@renderer/platform/db/database';
import { combineAppliers } from '@renderer/sync/appliers';
import { appliers as syncAppliers } from '@renderer/features/sync/sync-appliers';
import { installDemoStation } from '@renderer/sync/demo';
import { SyncEngine } from '@renderer/sync/engine';
import { EVENT_LOG_TABLES, appendEvent } from '@renderer/sync/event-log';
import { cursorsTable, outboxTable } from '@renderer/sync/tables';
import { startNatsServer } from '../../support/nats-server';
import type { BenchCase } from '../lib';

const A = DEMO_STATIONS.lvxiang;
const B = DEMO_STATIONS.zhapu;
const EVENTS = 10_000;
const OFFICER = '310000:000004';

async function station(code: string): Promise<StationDatabase> {
  const database = new StationDatabase(`bench-sync-${code}-${Date.now()}`);
  await database.open();
  await installDemoStation(code, database);
  return database;
}

/** A realistic small payload: a 联调消息 of about the size of a short workflow event. */
async function writeEvents(database: StationDatabase, count: number): Promise<void> {
  for (let start = 0; start < count; start += 500) {
    await database.transaction('rw', [...EVENT_LOG_TABLES], async () => {
      for (let i = start; i < Math.min(count, start + 500); i += 1) {
        await appendEvent({ type: 'sync.probe', aggregateId: `${A}:${String(i).padStart(6, '0')}`, recipients: [B], payload: { text: `金山吕巷→平湖乍浦 联调消息 第${i}条` }, officer: OFFICER });
      }
    });
  }
}

/**
 * 10,000 events written at A (before the clock starts), then A and B connect to a real nats-server: the figure is
 * the time until B has verified and applied all of them (fake-indexeddb on both sides, in this one Node process).
 */
export const cases: BenchCase[] = [
  {
    name: 'sync.e2e',
    async run() {
      const server = await startNatsServer();
      const [a, b] = [await station(A), await station(B)];
      const appliers = combineAppliers([syncAppliers]);
      let bytes = 0;
      let sentEvents = 0;
      const engines = [
        new SyncEngine({ database: a, appliers, connect: (o) => connect(o), onSent: (s) => ((bytes += s.bytes), (sentEvents += s.events)) }),
        new SyncEngine({ database: b, appliers, connect: (o) => connect(o) }),
      ];
      try {
        await writeEvents(a, EVENTS);
        const start = performance.now();
        engines[1]?.start(server.url);
        engines[0]?.start(server.url);
        let sentAt = 0;
        for (;;) {
          if (!sentAt && (await outboxTable(a).count()) === 0) sentAt = performance.now();
          const cursor = await cursorsTable(b).get(A);
          if ((cursor?.seq ?? 0) >= EVENTS) break;
          if (performance.now() - start > 300_000) throw new Error('sync.e2e did not finish in 5 minutes');
          await new Promise((r) => setTimeout(r, 50));
        }
        const seconds = (performance.now() - start) / 1000;
        return [
          { name: 'sync.e2e_10k_events_s', value: seconds, unit: 's' },
          { name: 'sync.bytes_per_event', value: bytes / Math.max(1, sentEvents), unit: 'bytes' },
          // Where the time goes: until A's outbox is empty (all acknowledged by the exchange).
          { name: 'sync.e2e_10k_sent_s', value: ((sentAt || performance.now()) - start) / 1000, unit: 's' },
        ];
      } finally {
        for (const e of engines) await e.stop();
        a.close();
        b.close();
        await Dexie.delete(a.name);
        await Dexie.delete(b.name);
        await server.dispose();
      }
    },
  },
];
