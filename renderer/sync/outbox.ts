import Dexie from 'dexie';
import { ulid } from 'ulid';
import { BATCH_MAX_BYTES, BATCH_MAX_EVENTS, signBatch, type BatchCursor, type SignedBatch } from '@shared/sync/batch';
import { GENESIS_HASH, PROTOCOL_VERSION, eventHash, linkFor } from '@shared/sync/event';
import type { KeyPair } from '@shared/sync/keys';
import { blankHead } from './event-log';
import { SYNC_TABLES, cursorsTable, eventsTable, headsTable, outboxTable, pairKey, peersTable, pendingTable, type OutboxRow, type PeerRow } from './tables';

/** A row the exchange took but the recipient's cursor has not covered this long after is sent again. */
export const RESEND_AFTER_MS = 60_000;
/** At most this many events are queued again from the log per cursor (the next cursor continues). */
const REQUEUE_MAX = 5000;

export interface BatchLimits {
  maxEvents: number;
  maxBytes: number;
}

export const defaultLimits: BatchLimits = { maxEvents: BATCH_MAX_EVENTS, maxBytes: BATCH_MAX_BYTES };

/** Peers with something pending (not yet confirmed by their cursor), and how many events each. */
export async function pendingByPeer(database: Dexie): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await outboxTable(database).each((row) => counts.set(row.peer, (counts.get(row.peer) ?? 0) + 1));
  return counts;
}

/** Rows read per page while looking for unsent ones (a page is one fast getAll, not a cursor walk). */
const PAGE = 1000;

/**
 * Up to `limit` rows for `peer` the exchange has not taken yet, in seq order. Sent rows (waiting for the peer's
 * cursor) are mostly a prefix; they are skipped page by page.
 */
async function unsentRows(database: Dexie, peer: string, limit: number, includeSent = false): Promise<OutboxRow[]> {
  const found: OutboxRow[] = [];
  let from = 0;
  while (found.length < limit) {
    const page = await outboxTable(database).where('[peer+seq]').between([peer, from], [peer, Dexie.maxKey]).limit(PAGE).toArray();
    for (const row of page) if ((includeSent || !row.sentAt) && found.length < limit) found.push(row);
    const last = page.at(-1);
    if (!last || page.length < PAGE) break;
    from = last.seq + 1;
  }
  return found;
}

/** Peers with events the exchange has not taken yet (sent ones wait for the peer's cursor, not for us). */
export async function unsentPeers(database: Dexie): Promise<Set<string>> {
  const peers = (await outboxTable(database).orderBy('peer').uniqueKeys()) as string[];
  const withUnsent = await Promise.all(peers.map(async (peer) => ((await unsentRows(database, peer, 1)).length > 0 ? [peer] : [])));
  return new Set(withUnsent.flat());
}

/**
 * 请求重发: asks `peer` to send again everything after this station's cursor for it (with the next cursor this
 * station sends). For a stream that stopped (与 X 的同步已停止) once the peer has fixed what it sent.
 */
export async function requestResend(database: Dexie, peer: string): Promise<void> {
  await database.transaction('rw', SYNC_TABLES.peers, async () => {
    const row = (await peersTable(database).get(peer)) ?? blankPeer(peer);
    await peersTable(database).put({ ...row, resendRequested: true });
  });
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
  /** Bundles carry everything not yet confirmed by the peer, also what the exchange already took. */
  includeSent = false,
): Promise<SignedBatch[]> {
  return database.transaction('rw', [SYNC_TABLES.outbox, SYNC_TABLES.events], async () => {
    // IndexedDB counts are 32-bit: an "everything" request (bundles) must stay below 2^32.
    const cap = Math.min(1_000_000_000, maxBatches * BATCH_MAX_EVENTS);
    // Rows the exchange took wait for the peer's cursor; only the others are (re)sent.
    const rows = await unsentRows(database, peer, cap, includeSent);
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
      const events = await eventsTable(database).bulkGet(rowsOfBatch.map((r): [string, string] => [self.code, r.eventId]));
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

/**
 * The exchange acknowledged `batch`: its events wait for the peer's cursor (only the recipient confirms delivery:
 * a PubAck, duplicate or not, says nothing about what reached the peer's database).
 */
export async function markSent(database: Dexie, batch: SignedBatch): Promise<void> {
  const sentAt = new Date().toISOString();
  await database.transaction('rw', [SYNC_TABLES.outbox, SYNC_TABLES.peers], async () => {
    const keys = batch.events.map((e): [string, number] => [batch.to, linkFor(e, batch.to)?.seq ?? 0]);
    const rows = await outboxTable(database).bulkGet(keys);
    // Rows covered by a cursor meanwhile are gone, and stay gone.
    await outboxTable(database).bulkPut(rows.filter((r): r is OutboxRow => r !== undefined && r.batchId === batch.id).map((r) => ({ ...r, sentAt })));
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

/** The tables `applyCursor` works in (the inbox includes them in its transaction). */
export const CURSOR_TABLES: readonly string[] = [SYNC_TABLES.outbox, SYNC_TABLES.heads, SYNC_TABLES.events];

/**
 * `peer`'s signed cursor for this station's stream to it arrived (docs/PROTOCOL.md §Cursors): what it covers leaves
 * the outbox; what it does not cover is sent again when it was sent long enough ago (or the peer asks for it),
 * and queued again from the log when the peer is behind what the outbox still holds (it restored a backup, or
 * the stream expired). After this station's own restore, the cursor also tells where its stream continues.
 * Runs inside the caller's transaction (CURSOR_TABLES).
 */
export async function applyCursor(database: Dexie, self: string, peer: string, cursor: BatchCursor, now: number = Date.now()): Promise<{ covered: number; resent: number }> {
  const stored = (await headsTable(database).get(peer)) ?? blankHead(peer);
  let head = { ...stored, acked: cursor.applied.seq, ackedAt: new Date(now).toISOString() };
  if (head.unconfirmed) {
    // Restored: this station may have published past its backup; continue after the furthest the peer has seen.
    const furthest = [cursor.applied, cursor.highest].reduce((a, b) => (b.seq > a.seq ? b : a), { seq: head.seq, hash: head.hash });
    head = { ...head, seq: furthest.seq, hash: furthest.hash, unconfirmed: false };
  }
  await headsTable(database).put(head);
  const table = outboxTable(database);
  const covered = await table.where('[peer+seq]').between([peer, Dexie.minKey], [peer, cursor.applied.seq], true, true).delete();
  const rows = await table.where('[peer+seq]').between([peer, cursor.applied.seq + 1], [peer, Dexie.maxKey]).toArray();
  const cutoff = new Date(now - RESEND_AFTER_MS).toISOString();
  const stale = rows.filter((r) => r.sentAt && (cursor.resend || r.sentAt < cutoff));
  // A fresh batch (new id): the old id may have been taken on the exchange by someone else's message.
  if (stale.length > 0) await table.bulkPut(stale.map(({ batchId: _b, batchAt: _a, sentAt: _s, ...r }) => r));
  const requeued = await requeueFromLog(database, self, peer, cursor.applied.seq, head.seq, rows);
  return { covered, resent: stale.length + requeued };
}

/** Own events to `peer` after `from` that the outbox no longer holds (covered once, then forgotten by the peer). */
async function requeueFromLog(database: Dexie, self: string, peer: string, from: number, to: number, held: OutboxRow[]): Promise<number> {
  if (to <= from) return 0;
  const have = new Set(held.map((r) => r.seq));
  if (have.size >= to - from) return 0;
  const events = await eventsTable(database)
    .where('pairKeys')
    .between(pairKey(peer, from + 1), pairKey(peer, to), true, true)
    .filter((row) => row.authorStation === self)
    .limit(REQUEUE_MAX)
    .toArray();
  const missing = events.flatMap((row) => {
    const seq = linkFor(row.event, peer)?.seq;
    return seq !== undefined && !have.has(seq) ? [{ peer, seq, eventId: row.id, size: row.size }] : [];
  });
  await outboxTable(database).bulkPut(missing);
  return missing.length;
}

/** This station's cursor for `author`'s stream to it: what it applied, and the furthest it holds (waiting included). */
export async function cursorFor(database: Dexie, author: string, resend = false): Promise<BatchCursor> {
  const [row, waiting] = await Promise.all([
    cursorsTable(database).get(author),
    pendingTable(database).where('[author+seq]').between([author, Dexie.minKey], [author, Dexie.maxKey]).last(),
  ]);
  const applied = { seq: row?.seq ?? 0, hash: row?.hash ?? GENESIS_HASH };
  const highest = waiting && waiting.seq > applied.seq ? { seq: waiting.seq, hash: eventHash(waiting.event) } : applied;
  return resend ? { applied, highest, resend } : { applied, highest };
}

/** A batch that carries only this station's signed cursor for `peer` (events: none). */
export async function cursorBatch(database: Dexie, self: { code: string; key: KeyPair }, peer: string, resend = false): Promise<SignedBatch> {
  const cursor = await cursorFor(database, peer, resend);
  return signBatch({ v: PROTOCOL_VERSION, id: ulid(), from: self.code, to: peer, createdAt: new Date().toISOString(), events: [], cursor }, self.key.secretKey);
}
