import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { ulid } from 'ulid';
import { connect } from '@nats-io/transport-node';
import { holdDataKey, isDataKeyHeld } from '@renderer/platform/db/data-key';
import { StationDatabase } from '@renderer/platform/db/database';
import { combineAppliers } from '@renderer/sync/appliers';
import { appliers as syncAppliers } from '@renderer/features/sync/sync-appliers';
import { installDemoStation } from '@renderer/sync/demo';
import { SyncEngine } from '@renderer/sync/engine';
import { EVENT_LOG_TABLES, appendEvent } from '@renderer/sync/event-log';

/**
 * The sending station of the sync benchmarks: a demo station in this Node process (fake-indexeddb), writing
 * 联调消息 events the way a feature does and sending them through the exchange with the app's own engine.
 */
export const OFFICER = '310000:000004';

export interface Sender {
  code: string;
  database: StationDatabase;
  engine: SyncEngine;
  /** Events the exchange has taken from this station so far, and their bytes on the wire. */
  sent: { events: number; bytes: number; allAt: number | null };
  close(): Promise<void>;
}

export async function openSender(code: string, expectEvents = Number.POSITIVE_INFINITY): Promise<Sender> {
  // As after start-up: the data key is held, so the sealed sync tables can be written.
  if (!isDataKeyHeld()) await holdDataKey(crypto.getRandomValues(new Uint8Array(32)));
  const database = new StationDatabase(`bench-sender-${code}-${Date.now()}`);
  await database.open();
  await installDemoStation(code, database);
  const sent: Sender['sent'] = { events: 0, bytes: 0, allAt: null };
  const engine = new SyncEngine({
    database,
    appliers: combineAppliers([syncAppliers]),
    connect: (options) => connect(options),
    onSent: (info) => {
      sent.events += info.events;
      sent.bytes += info.bytes;
      if (sent.events >= expectEvents && sent.allAt === null) sent.allAt = performance.now();
    },
  });
  return {
    code,
    database,
    engine,
    sent,
    close: async () => {
      await engine.stop();
      database.close();
      await Dexie.delete(database.name);
    },
  };
}

/** A realistic small payload: a 联调消息 of about the size of a short workflow event; 500 per transaction. */
export async function writeProbes(sender: Sender, to: string, count: number, from = 0): Promise<void> {
  for (let start = from; start < from + count; start += 500) {
    await sender.database.transaction('rw', [...EVENT_LOG_TABLES], async () => {
      for (let i = start; i < Math.min(from + count, start + 500); i += 1) {
        await appendEvent({ type: 'sync.probe', aggregateId: `${sender.code}:${ulid()}`, recipients: [to], payload: { text: `金山吕巷→平湖乍浦 联调消息 第${i}条` }, officer: OFFICER });
      }
    });
  }
}
