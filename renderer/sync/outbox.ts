import Dexie from 'dexie';
import { ulid } from 'ulid';
import { BATCH_MAX_BYTES, BATCH_MAX_EVENTS, signBatch, type SignedBatch } from '@shared/sync/batch';
import { PROTOCOL_VERSION } from '@shared/sync/event';
import type { KeyPair } from '@shared/sync/keys';
import { SYNC_TABLES, eventsTable, outboxTable, peersTable, type OutboxRow, type PeerRow } from './tables';

export interface BatchLimits {
  maxEvents: number;
  maxBytes: number;
}

export const defaultLimits: BatchLimits = { maxEvents: BATCH_MAX_EVENTS, maxBytes: BATCH_MAX_BYTES };

/** Peers with something pending, and how many events each. */
export async function pendingByPeer(database: Dexie): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await outboxTable(database).each((row) => counts.set(row.peer, (counts.get(row.peer) ?? 0) + 1));
  return counts;
}

/** Splits rows in sequence order into groups: an existing sealed batch stays whole; new rows fill up to the limits. */
function group(rows: OutboxRow[], limits: BatchLimits): OutboxRow[][] {
  const groups: OutboxRow[][] = [];
  let current: OutboxRow[] = [];
  let bytes = 0;
  let currentId: string | undefined;
  for (const row of rows) {
    const full = current.length >= limits.maxEvents || (current.length > 0 && bytes + row.size > limits.maxBytes);
    if (current.length > 0 && (row.batchId !== currentId || (!row.batchId && full))) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += row.size;
    currentId = row.batchId;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * The next batches for `peer`, oldest first, at most `maxBatches`. Rows not yet in a batch are sealed (given a
 * batch id) in the same transaction, so a retry after a lost acknowledgement or a restart publishes the identical
 * batch and the exchange's de-duplication recognises it.
 */
export async function nextBatches(
  database: Dexie,
  self: { code: string; key: KeyPair },
  peer: string,
  maxBatches = 4,
  limits: BatchLimits = defaultLimits,
): Promise<SignedBatch[]> {
  return database.transaction('rw', [SYNC_TABLES.outbox, SYNC_TABLES.events], async () => {
    // IndexedDB counts are 32-bit: an "everything" request (bundles) must stay below 2^32.
    const cap = Math.min(1_000_000_000, maxBatches * BATCH_MAX_EVENTS);
    const rows = await outboxTable(database).where('[peer+seq]').between([peer, Dexie.minKey], [peer, Dexie.maxKey]).limit(cap).toArray();
    let groups = group(rows, limits);
    // Rows cut off by the cap may split a sealed batch: keep only whole groups (the rest comes next time).
    if (rows.length === cap && groups.length > 1) groups = groups.slice(0, -1);
    groups = groups.slice(0, maxBatches);
    const batches: SignedBatch[] = [];
    for (const rowsOfBatch of groups) {
      const first = rowsOfBatch[0];
      if (!first) continue;
      const id = first.batchId ?? ulid();
      const createdAt = first.batchAt ?? new Date().toISOString();
      if (!first.batchId) await outboxTable(database).bulkPut(rowsOfBatch.map((r) => ({ ...r, batchId: id, batchAt: createdAt })));
      const events = await eventsTable(database).bulkGet(rowsOfBatch.map((r) => r.eventId));
      const signed = events.map((e) => {
        if (!e) throw new Error('outbox refers to a missing event');
        return e.event;
      });
      batches.push(signBatch({ v: PROTOCOL_VERSION, id, from: self.code, to: peer, createdAt, events: signed }, self.key.secretKey));
    }
    return batches;
  });
}

function blankPeer(code: string): PeerRow {
  return { code, lastSentAt: null, lastReceivedAt: null, lastError: null, attempts: 0 };
}

/** The exchange acknowledged `batch`: its events leave the outbox for that peer. */
export async function markSent(database: Dexie, batch: SignedBatch): Promise<void> {
  await database.transaction('rw', [SYNC_TABLES.outbox, SYNC_TABLES.peers], async () => {
    await outboxTable(database).bulkDelete(batch.events.map((e): [string, number] => [batch.to, e.seq]));
    const peer = (await peersTable(database).get(batch.to)) ?? blankPeer(batch.to);
    await peersTable(database).put({ ...peer, lastSentAt: new Date().toISOString(), lastError: null, attempts: 0 });
  });
}

/** A failed delivery to `peer`: remembered (with the attempt count, for back-off after a restart too). */
export async function markFailed(database: Dexie, peer: string, error: string): Promise<number> {
  return database.transaction('rw', SYNC_TABLES.peers, async () => {
    const row = (await peersTable(database).get(peer)) ?? blankPeer(peer);
    const attempts = row.attempts + 1;
    await peersTable(database).put({ ...row, lastError: error.slice(0, 300), attempts });
    return attempts;
  });
}

/** Back-off with full jitter: up to 1 s, 2 s, 4 s … capped at 60 s. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(60_000, 1000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
