import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { ulid } from 'ulid';
import { StationDatabase } from '@renderer/platform/db/database';
import { combineAppliers, type ApplierSet } from '@renderer/sync/appliers';
import { appliers as syncAppliers } from '@renderer/features/sync/sync-appliers';
import { installDemoStation } from '@renderer/sync/demo';
import { EVENT_LOG_TABLES, appendEvent } from '@renderer/sync/event-log';
import { SYNC_TABLES } from '@renderer/sync/tables';
import type { InboxContext } from '@renderer/sync/inbox';
import type { EventType } from '@shared/sync/event-registry';

let counter = 0;

/** A demo station with its own fake-indexeddb database, so two stations can share one test process. */
export interface TestStation extends InboxContext {
  code: string;
  name: string;
}

export async function openStation(code: string, appliers: ApplierSet = combineAppliers([syncAppliers])): Promise<TestStation> {
  counter += 1;
  const name = `sync-test-${code}-${counter}-${Date.now()}`;
  const database = new StationDatabase(name);
  await database.open();
  await installDemoStation(code, database);
  return { code, name, database, appliers };
}

export async function closeStation(station: TestStation): Promise<void> {
  station.database.close();
  await Dexie.delete(station.name);
}

export const OFFICER = '310000:012345';

/** Sends a 联调消息 from `from` to `to` the way a feature writes an event: state and event in one transaction. */
export async function sendProbe(from: TestStation, to: string[], text: string, aggregateId = `${from.code}:${ulid()}`): Promise<string> {
  await from.database.transaction('rw', [...EVENT_LOG_TABLES, SYNC_TABLES.probes], async () => {
    await from.database.table(SYNC_TABLES.probes).put({ aggregateId, from: from.code, to, officer: OFFICER, text, direction: 'sent', at: new Date().toISOString() });
    await appendEvent({ type: 'sync.probe', aggregateId, recipients: to, payload: { text }, officer: OFFICER });
  });
  return aggregateId;
}

/** Writes one event in its own transaction on `database` (no feature rows with it), as a test's stand-in for a command. */
export async function appendEventInOwnTransaction<T extends EventType>(
  input: Parameters<typeof appendEvent<T>>[0],
  extraTables: string[] = [],
  database: Dexie,
): Promise<{ id: string }> {
  return database.transaction('rw', [...EVENT_LOG_TABLES, ...extraTables], async () => await appendEvent(input));
}
