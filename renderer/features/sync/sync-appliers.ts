import type { Transaction } from 'dexie';
import { probePayload } from '@shared/sync/events';
import { EventConflictError, EventNotAuthorizedError, type FeatureAppliers, type IncomingEvent } from '@renderer/sync';
import { acceptRoster } from '@renderer/sync';
import { META_TABLE, SYNC_TABLES, type ProbeRow } from '@renderer/sync';

/**
 * A probe's aggregate id is `<author station>:<ULID>`: a station may only write its own probes. Probes come in
 * bulk (连通测试, the benchmark), so they are applied a run at a time: one read of the ids already known, one write
 * of the new rows. A known id with the same text is a harmless repeat; with another text, a conflict.
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
  const known = new Map<string, ProbeRow>();
  (await table.bulkGet(rows.map((r) => r.aggregateId))).forEach((row) => row && known.set(row.aggregateId, row));
  const fresh: ProbeRow[] = [];
  const outcomes = rows.map((row) => {
    const existing = known.get(row.aggregateId);
    if (!existing) {
      known.set(row.aggregateId, row);
      fresh.push(row);
      return null;
    }
    return existing.text === row.text ? null : new EventConflictError('probe id already used with another text', existing);
  });
  await table.bulkAdd(fresh);
  return outcomes;
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
