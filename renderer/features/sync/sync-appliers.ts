import Dexie, { type Table, type Transaction } from 'dexie';
import { probePayload } from '@shared/sync/events';
import { EventConflictError, EventNotAuthorizedError, type FeatureAppliers, type IncomingEvent } from '@renderer/sync';
import { acceptRoster } from '@renderer/sync';
import { META_TABLE, SYNC_TABLES, type ProbeRow } from '@renderer/sync';

/**
 * A probe's aggregate id is `<author station>:<ULID>`: a station may only write its own probes. Probes come in
 * bulk (连通测试, the benchmark), so they are applied a run at a time with one write: honest streams never repeat an
 * id, so nothing is read first; only ids the table refuses as taken are read, to tell a harmless repeat (same text)
 * from a conflict (another text). A refused add does not abort the transaction once its BulkError is caught.
 */
async function applyProbes(events: IncomingEvent[], tx: Transaction): Promise<(EventConflictError | null)[]> {
  const rows = events.map((event) => {
    if (!event.aggregateId.startsWith(`${event.authorStation}:`)) {
      throw new EventNotAuthorizedError(`${event.authorStation} may not write probe ${event.aggregateId}`);
    }
    const { text } = probePayload.parse(event.payload);
    return { aggregateId: event.aggregateId, from: event.authorStation, to: [], officer: event.authorOfficer, text, direction: 'received' as const, at: new Date().toISOString() };
  });
  const table = tx.table<ProbeRow, string>(SYNC_TABLES.probes);
  const taken = await addAll(table, rows);
  if (taken.length === 0) return rows.map(() => null);
  const stored = new Map<string, ProbeRow>();
  (await table.bulkGet(taken.map((i) => rows[i]?.aggregateId ?? ''))).forEach((row) => row && stored.set(row.aggregateId, row));
  return rows.map((row, i) => {
    if (!taken.includes(i)) return null;
    // The row that holds the id: an earlier one of this run (it was added) or one stored before.
    const first = rows.findIndex((r) => r.aggregateId === row.aggregateId);
    const existing = first < i && !taken.includes(first) ? rows[first] : stored.get(row.aggregateId);
    if (!existing) throw new Error(`probe ${row.aggregateId} refused as taken but not found`);
    return existing.text === row.text ? null : new EventConflictError('probe id already used with another text', existing);
  });
}

/** Adds the rows; the positions refused because their id is taken (anything else fails the apply). */
async function addAll(table: Table<ProbeRow, string>, rows: ProbeRow[]): Promise<number[]> {
  try {
    await table.bulkAdd(rows);
    return [];
  } catch (error) {
    if (!(error instanceof Dexie.BulkError)) throw error;
    const failures = Object.entries(error.failuresByPos);
    if (!failures.every(([, failure]) => failure.name === 'ConstraintError')) throw error;
    return failures.map(([pos]) => Number(pos)).sort((a, b) => a - b);
  }
}

/**
 * A newer roster signed by the pinned root replaces ours; an older one is normal (it crossed ours) and ignored.
 * One not signed by our root (forged, altered, or from another office) is refused as what it is:
 * `badRosterSignature`, shown to the admin; the forwarding neighbour's other events still apply.
 */
async function applyRoster(event: IncomingEvent, tx: Transaction): Promise<void> {
  const check = await acceptRoster(tx.db, event.payload);
  if (!check.ok && check.reason !== 'notNewer') throw new EventNotAuthorizedError(`roster refused: ${check.reason}`, 'badRosterSignature');
}

export const appliers: FeatureAppliers = {
  tables: [SYNC_TABLES.probes, META_TABLE],
  appliers: {
    'roster.updated': applyRoster,
  },
  batchAppliers: {
    'sync.probe': applyProbes,
  },
};
