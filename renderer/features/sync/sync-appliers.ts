import Dexie from 'dexie';
import { probePayload } from '@shared/sync/events';
import { db } from '@renderer/db';
import { EventConflictError, EventNotAuthorizedError, type FeatureAppliers, type IncomingEvent } from '@renderer/sync/contract';
import { acceptRoster } from '@renderer/sync/trust';
import { META_TABLE, SYNC_TABLES, probesTable } from '@renderer/sync/tables';

/** The database of the inbox transaction we run in (two stations share a test process). */
const currentDb = (): Dexie => Dexie.currentTransaction?.db ?? db();

/** A probe's aggregate id is `<author station>:<ULID>`: a station may only write its own probes. */
async function applyProbe(event: IncomingEvent): Promise<void> {
  if (!event.aggregateId.startsWith(`${event.authorStation}:`)) {
    throw new EventNotAuthorizedError(`${event.authorStation} may not write probe ${event.aggregateId}`);
  }
  const payload = probePayload.parse(event.payload);
  const table = probesTable(currentDb());
  const row = { aggregateId: event.aggregateId, from: event.authorStation, to: [], officer: event.authorOfficer, text: payload.text, direction: 'received' as const, at: new Date().toISOString() };
  try {
    // The usual case is a new probe: one write, no read. Dexie keeps the transaction alive when we catch the error.
    await table.add(row);
  } catch (error) {
    if (!(error instanceof Dexie.ConstraintError)) throw error;
    const existing = await table.get(event.aggregateId);
    if (existing && existing.text !== payload.text) throw new EventConflictError('probe id already used with another text', existing);
  }
}

/** A newer roster signed by the pinned root replaces ours; an older one is normal (it crossed ours) and ignored. */
async function applyRoster(event: IncomingEvent): Promise<void> {
  const check = await acceptRoster(currentDb(), event.payload);
  if (!check.ok && check.reason !== 'notNewer') throw new EventNotAuthorizedError(`roster refused: ${check.reason}`);
}

export const appliers: FeatureAppliers = {
  tables: [SYNC_TABLES.probes, META_TABLE],
  appliers: {
    'sync.probe': applyProbe,
    'roster.updated': applyRoster,
  },
};
