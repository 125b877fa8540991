import type Dexie from 'dexie';
import type { SignedEvent } from '@shared/sync/event';
import type { BatchProblem } from '@shared/sync/verify';
import { db } from '@renderer/platform/db';

/**
 * Typed access to sync's Dexie tables. Every accessor takes the database so two stations can live in one test
 * process; the app passes nothing and gets `db()`.
 */
export const SYNC_TABLES = {
  events: 'syncEvents',
  outbox: 'syncOutbox',
  cursors: 'syncCursors',
  pending: 'syncPending',
  quarantine: 'syncQuarantine',
  conflicts: 'syncConflicts',
  peers: 'syncPeers',
  probes: 'syncProbes',
} as const;

/** One event of the log, own or received, with its chain hash. */
export interface EventRow {
  id: string;
  authorStation: string;
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
export type QuarantineReason = BatchProblem | 'brokenChain' | 'notAuthorized' | 'corrupt';

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

export const eventsTable = (d?: Db) => pick(d).table<EventRow, string>(SYNC_TABLES.events);
export const outboxTable = (d?: Db) => pick(d).table<OutboxRow, [string, number]>(SYNC_TABLES.outbox);
export const cursorsTable = (d?: Db) => pick(d).table<CursorRow, string>(SYNC_TABLES.cursors);
export const pendingTable = (d?: Db) => pick(d).table<PendingRow, [string, number]>(SYNC_TABLES.pending);
export const quarantineTable = (d?: Db) => pick(d).table<QuarantineRow, string>(SYNC_TABLES.quarantine);
export const conflictsTable = (d?: Db) => pick(d).table<ConflictRow, string>(SYNC_TABLES.conflicts);
export const peersTable = (d?: Db) => pick(d).table<PeerRow, string>(SYNC_TABLES.peers);
export const probesTable = (d?: Db) => pick(d).table<ProbeRow, string>(SYNC_TABLES.probes);

/** The meta table is platform/db's (typed keys); sync's transactions include it for identity, key and trust. */
export { META_TABLE } from '@renderer/platform/db';
