import type Dexie from 'dexie';
import type { SignedEvent } from '@shared/sync/event';
import type { BatchProblem, EventRefusal } from '@shared/sync/verify';
import { db } from '@renderer/platform/db';

/**
 * Typed access to sync's Dexie tables. Every accessor takes the database so two stations can live in one test
 * process; the app passes nothing and gets `db()`.
 */
export const SYNC_TABLES = {
  /** Keyed by [authorStation+id]: event ids are unique per author only (schema v9; `syncEvents` before). */
  events: 'syncLog',
  outbox: 'syncOutbox',
  /** Per recipient: this station's last event to it (pair seq, hash) and how far the recipient confirmed. */
  heads: 'syncHeads',
  /** Authentic events refused one by one (not entitled, unknown type …), with the reason, for staff. */
  refused: 'syncRefused',
  cursors: 'syncCursors',
  pending: 'syncPending',
  quarantine: 'syncQuarantine',
  conflicts: 'syncConflictsByAuthor',
  peers: 'syncPeers',
  probes: 'syncProbes',
} as const;

/** One event of the log, own or received, with its chain hash. */
export interface EventRow {
  id: string;
  authorStation: string;
  /** Received: the event's seq in its author's stream to this station. Own: 0 (see `pairKeys`). */
  seq: number;
  type: string;
  aggregateId: string;
  hlc: string;
  hash: string;
  event: SignedEvent;
  /** Canonical size in bytes, to bound batches without re-encoding. */
  size: number;
  origin: 'local' | 'remote';
  at: string;
  /** Own events: `pairKey(recipient, seq)` per link, to find them again for a resend. */
  pairKeys: string[];
  /** Received and refused (see syncRefused): logged and chained, but not applied. */
  refused?: boolean;
  /** A protocol-1 event kept as history by the v9 upgrade; `undelivered` when it was still in the outbox then. */
  legacy?: 'delivered' | 'undelivered';
}

/** The index key of an own event's link: recipient and zero-padded seq, so keys sort in seq order. */
export function pairKey(peer: string, seq: number): string {
  return `${peer}:${String(seq).padStart(16, '0')}`;
}

/** This station's stream to one recipient. */
export interface HeadRow {
  peer: string;
  /** Last seq written to `peer` and that event's hash (GENESIS_HASH at 0). */
  seq: number;
  hash: string;
  /** Highest seq `peer` confirmed as applied (its signed cursor), and when that cursor arrived. */
  acked: number;
  ackedAt: string | null;
  /**
   * After a backup restore: the position is not known until `peer`'s cursor says how far this station had
   * published before; no event goes to `peer` until then (docs/PROTOCOL.md §Restore).
   */
  unconfirmed?: boolean;
}

/** An own event still to be delivered to `peer`. */
export interface OutboxRow {
  peer: string;
  seq: number;
  eventId: string;
  size: number;
  /** Set when the event was first sealed into a batch, so a retry sends the very same batch (same id, same bytes). */
  batchId?: string;
  batchAt?: string;
  /** When the exchange took it: the row stays until the peer's cursor covers it, and is resent if it does not. */
  sentAt?: string;
}

export interface CursorRow {
  author: string;
  seq: number;
  hash: string;
  at: string;
}

export interface PendingRow {
  author: string;
  seq: number;
  event: SignedEvent;
  batchId: string;
  at: string;
}

/** Why a batch was quarantined: a check of shared/sync/verify.ts, or one only the inbox can make. */
export type QuarantineReason = BatchProblem | 'brokenChain' | 'corrupt';

/** Why one event was refused: a check of shared/sync/verify.ts or an applier's refusal. */
export type RefusalReason = EventRefusal;

export interface RefusedRow {
  author: string;
  eventId: string;
  seq: number;
  type: string;
  aggregateId: string;
  authorOfficer: string;
  hlc: string;
  reason: RefusalReason;
  detail: string;
  at: string;
}

export interface QuarantineRow {
  id: string;
  batchId: string | null;
  from: string | null;
  via: 'exchange' | 'bundle';
  reason: QuarantineReason;
  detail: string;
  eventCount: number;
  receivedAt: string;
}

export interface ConflictRow {
  eventId: string;
  type: string;
  aggregateId: string;
  authorStation: string;
  authorOfficer: string;
  hlc: string;
  /** The other station's side: the event's payload. */
  remote: unknown;
  /** Our side: what the applier found locally. */
  local: unknown;
  reason: string;
  status: 'open' | 'resolved';
  at: string;
  resolvedBy?: string;
  resolvedAt?: string;
}

export interface PeerRow {
  code: string;
  lastSentAt: string | null;
  lastReceivedAt: string | null;
  lastError: string | null;
  attempts: number;
  /**
   * 与 X 的同步已停止: an authentic batch from this peer failed authenticity (its event signatures or its chain),
   * so nothing more of its stream applies until it sends the right events. Cleared when its cursor moves again.
   */
  stopped?: { reason: QuarantineReason; detail: string; at: string } | null;
  /** The admin asked this peer to send again everything after our cursor (sent with the next cursor). */
  resendRequested?: boolean;
}

export interface ProbeRow {
  aggregateId: string;
  from: string;
  to: string[];
  officer: string;
  text: string;
  direction: 'sent' | 'received';
  at: string;
}

type Db = Dexie;
const pick = (database?: Db): Db => database ?? db();

export const eventsTable = (d?: Db) => pick(d).table<EventRow, [string, string]>(SYNC_TABLES.events);
export const headsTable = (d?: Db) => pick(d).table<HeadRow, string>(SYNC_TABLES.heads);
export const refusedTable = (d?: Db) => pick(d).table<RefusedRow, [string, string]>(SYNC_TABLES.refused);
export const outboxTable = (d?: Db) => pick(d).table<OutboxRow, [string, number]>(SYNC_TABLES.outbox);
export const cursorsTable = (d?: Db) => pick(d).table<CursorRow, string>(SYNC_TABLES.cursors);
export const pendingTable = (d?: Db) => pick(d).table<PendingRow, [string, number]>(SYNC_TABLES.pending);
export const quarantineTable = (d?: Db) => pick(d).table<QuarantineRow, string>(SYNC_TABLES.quarantine);
export const conflictsTable = (d?: Db) => pick(d).table<ConflictRow, [string, string]>(SYNC_TABLES.conflicts);
export const peersTable = (d?: Db) => pick(d).table<PeerRow, string>(SYNC_TABLES.peers);
export const probesTable = (d?: Db) => pick(d).table<ProbeRow, string>(SYNC_TABLES.probes);

/** The meta table is platform/db's (typed keys); sync's transactions include it for identity, key and trust. */
export { META_TABLE } from '@renderer/platform/db';
