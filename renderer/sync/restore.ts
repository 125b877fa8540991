import type Dexie from 'dexie';
import { neighboursOf } from '@shared/sync/roster';
import { blankHead } from './event-log';
import { storedStationIdentity } from '@renderer/platform/station';
import { loadTrust } from './trust';
import { eventsTable, headsTable, type EventRow, type HeadRow } from './tables';

/**
 * Backup restore without forking (docs/PROTOCOL.md §Restore). A restored database may be behind what this station
 * had already published: writing the next event from the backup's head would reuse a seq with other content, which
 * every neighbour refuses as a broken chain. So:
 * 1. before the restore swaps the data, `captureOwnStreams` keeps this PC's own streams (heads and own events);
 * 2. after it, `mergeOwnStreams` keeps the further of the two heads per recipient, puts the own events back in
 *    the log (so they can be resent), and marks every stream `unconfirmed`;
 * 3. appendEvent refuses to write to an unconfirmed recipient (StreamPositionUnknownError) until that
 *    neighbour's signed cursor arrives: it says how far it has seen this station's stream, and the stream
 *    continues after the furthest of (own head, neighbour's applied, neighbour's highest) (outbox.applyCursor);
 * 4. this station's own cursors came back with the backup, so every neighbour sees them behind and resends
 *    everything since, from its outbox or its log.
 */
export interface OwnStreams {
  heads: HeadRow[];
  events: EventRow[];
}

/** This PC's own streams before a restore replaces the database (inside the restore's transaction). */
export async function captureOwnStreams(database: Dexie, self: string): Promise<OwnStreams> {
  // Another station's database on this PC (or none yet): nothing of it is this station's stream.
  if ((await storedStationIdentity(database))?.code !== self) return { heads: [], events: [] };
  const [heads, events] = await Promise.all([
    headsTable(database).toArray(),
    eventsTable(database).where('[authorStation+hlc]').between([self, ''], [self, '\uffff']).toArray(),
  ]);
  return { heads, events };
}

/** After the restored rows are in (same transaction): the further heads, own events back, every stream unconfirmed. */
export async function mergeOwnStreams(database: Dexie, self: string, kept: OwnStreams): Promise<void> {
  const restored = new Map((await headsTable(database).toArray()).map((h) => [h.peer, h]));
  for (const head of kept.heads) {
    const other = restored.get(head.peer);
    if (!other || head.seq > other.seq) restored.set(head.peer, head);
  }
  const trust = await loadTrust(database);
  const neighbours = trust.roster ? neighboursOf(trust.roster.roster, self).map((s) => s.code) : [];
  for (const peer of neighbours) if (!restored.has(peer)) restored.set(peer, blankHead(peer));
  await headsTable(database).bulkPut([...restored.values()].map((h) => ({ ...h, unconfirmed: true })));
  await eventsTable(database).bulkPut(kept.events);
}

/** Recipients whose stream position is not confirmed since a restore (shown on the 同步 page). */
export async function unconfirmedStreams(database: Dexie): Promise<string[]> {
  return (await headsTable(database).toArray()).filter((h) => h.unconfirmed).map((h) => h.peer);
}
