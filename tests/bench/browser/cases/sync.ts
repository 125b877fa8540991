import Dexie from 'dexie';
import { ulid } from 'ulid';
import { DEMO_STATIONS, demoRoster, demoStationKey } from '@shared/demo/demo-network';
import { verifyIncomingBatch } from '@shared/sync/verify';
import { nativeVerifier } from '@renderer/sync/native-verify';
import { StationDatabase } from '@renderer/platform/db/database';
import { combineAppliers } from '@renderer/sync/appliers';
import { appliers as syncAppliers } from '@renderer/features/sync/sync-appliers';
import { installDemoStation } from '@renderer/sync/demo';
import { EVENT_LOG_TABLES, appendEvent } from '@renderer/sync/event-log';
import { applyCheckedBatch, checkBatch } from '@renderer/sync/inbox';
import { pipelined } from '@renderer/sync/pipeline';
import { nextBatches } from '@renderer/sync/outbox';
import type { SignedBatch } from '@shared/sync/batch';
import type { BenchCase } from '../../lib';
import { idbPutFloor } from '../idb-floor';
import { requestCounter, type RequestCounter } from '../request-count';

const A = DEMO_STATIONS.lvxiang;
const B = DEMO_STATIONS.zhapu;
const EVENTS = 5_000;

async function station(code: string, counter?: RequestCounter): Promise<StationDatabase> {
  const name = `bench-sync-${code}`;
  await Dexie.delete(name);
  const database = new StationDatabase(name);
  if (counter) database.use(counter.middleware);
  await database.open();
  await installDemoStation(code, database);
  return database;
}

/** Verified apply at the receiver, in Chromium's real IndexedDB: signatures, chain, applier, checkpoint per batch. */
export const cases: BenchCase[] = [
  {
    name: 'sync.apply',
    async run() {
      const counter = requestCounter();
      const [a, b] = [await station(A), await station(B, counter)];
      for (let start = 0; start < EVENTS; start += 500) {
        await a.transaction('rw', [...EVENT_LOG_TABLES], async () => {
          for (let i = start; i < start + 500; i += 1) {
            await appendEvent({ type: 'sync.probe', aggregateId: `${A}:${ulid()}`, recipients: [B], payload: { text: `联调消息 第${i}条` }, officer: '310000:000004' });
          }
        });
      }
      const batches: SignedBatch[] = await nextBatches(a, { code: A, key: demoStationKey(A) }, B, Number.MAX_SAFE_INTEGER);
      const ctx = { database: b, appliers: combineAppliers([syncAppliers]) };
      // Signature checks alone (no storage), to see where the time of a verified apply goes.
      const verifyStart = performance.now();
      for (const batch of batches) await verifyIncomingBatch(batch, B, demoRoster, nativeVerifier);
      const verifySeconds = (performance.now() - verifyStart) / 1000;
      // As the engine receives: the next batch is checked while the one before commits.
      const requestsBefore = counter.count();
      const start = performance.now();
      await pipelined(batches, {
        prepare: (batch) => checkBatch(ctx, batch, 'exchange'),
        commit: async (checked) => {
          const result = await applyCheckedBatch(ctx, await checked);
          if (result.outcome !== 'applied') throw new Error(`batch not applied: ${result.reason}`);
        },
      });
      const seconds = (performance.now() - start) / 1000;
      const requests = counter.count() - requestsBefore;
      a.close();
      b.close();
      await Dexie.delete(a.name);
      await Dexie.delete(b.name);
      return [
        { name: 'sync.apply_events_per_s', value: EVENTS / seconds, unit: 'events/s' },
        { name: 'sync.verify_only_events_per_s', value: EVENTS / verifySeconds, unit: 'events/s' },
        // What the apply path asks of IndexedDB per event (machine-independent), and this machine's floor.
        { name: 'sync.apply_idb_requests_per_event', value: requests / EVENTS, unit: 'requests' },
        { name: 'sync.apply_floor_idb_puts_per_s', value: await idbPutFloor(), unit: 'rows/s' },
      ];
    },
  },
];
