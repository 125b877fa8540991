import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import { ulid } from 'ulid';
import type { SignedBatch } from '@shared/sync/batch';
import { GENESIS_HASH, parseEventPayload as parsePayload, type SignedEvent } from '@shared/sync/event';
import { verifyIncomingBatch } from '@shared/sync/verify';
import { decodeJsonGzip } from '@shared/sync/wire';
import type { ApplierSet } from './appliers';
import { EventConflictError, EventNotAuthorizedError, type EventApplier, type IncomingEvent } from './contract';
import { eventRow, observeRemoteHlc } from './event-log';
import { nativeVerifier } from './native-verify';
import { signingStation } from '@renderer/platform/station';
import { loadTrust } from './trust';
import {
  META_TABLE,
  SYNC_TABLES,
  conflictsTable,
  cursorsTable,
  eventsTable,
  peersTable,
  pendingTable,
  quarantineTable,
  type CursorRow,
  type EventRow,
  type QuarantineReason,
} from './tables';

export interface InboxContext {
  database: Dexie;
  appliers: ApplierSet;
}

export type ReceiveResult =
  | { outcome: 'applied'; batchId: string; applied: number; duplicates: number; waiting: number; conflicts: number }
  | { outcome: 'quarantined'; batchId: string | null; reason: QuarantineReason; detail: string };

/** Refuses the whole batch: thrown inside the transaction so nothing of it commits. */
class QuarantineError extends Error {
  constructor(
    readonly reason: QuarantineReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

interface Tally {
  applied: number;
  duplicates: number;
  waiting: number;
  conflicts: number;
}

function incoming(event: SignedEvent, payload: unknown): IncomingEvent {
  const { id, aggregateId, authorStation, authorOfficer, hlc } = event;
  return { id, type: event.type as IncomingEvent['type'], aggregateId, authorStation, authorOfficer, hlc, payload };
}

/** Pending events were verified when they arrived; parse again here so appliers always get schema output. */
function parseEventPayload(type: string, payload: unknown): unknown {
  const parsed = parsePayload(type, payload);
  if (!parsed.ok) throw new QuarantineError('invalidPayload', type);
  return parsed.value;
}

/** Consecutive events of one type waiting for that type's batch applier. */
interface Group {
  type: IncomingEvent['type'];
  events: SignedEvent[];
}

/** One batch's work inside the transaction: new log rows and the author's cursor are written once, at the end. */
interface Run {
  /** The batch's transaction, handed to the appliers. */
  tx: Transaction;
  cursor: CursorRow;
  rows: EventRow[];
  tally: Tally;
  group: Group | null;
}

/** Bounds the memory a group holds and how much one batch applier call reads at once. */
const MAX_GROUP = 500;

async function recordConflict(ctx: InboxContext, event: SignedEvent, conflict: EventConflictError, run: Run): Promise<void> {
  run.tally.conflicts += 1;
  await conflictsTable(ctx.database).put({
    eventId: event.id,
    type: event.type,
    aggregateId: event.aggregateId,
    authorStation: event.authorStation,
    authorOfficer: event.authorOfficer,
    hlc: event.hlc,
    remote: event.payload,
    local: conflict.local,
    reason: conflict.message,
    status: 'open',
    at: new Date().toISOString(),
  });
}

function refusal(error: unknown, eventId: string): unknown {
  return error instanceof EventNotAuthorizedError ? new QuarantineError('notAuthorized', `${eventId}: ${error.message}`) : error;
}

/** Takes the waiting group off the run, to hand to its batch applier. */
function takeGroup(run: Run): Group | null {
  const group = run.group;
  run.group = null;
  return group;
}

async function applyGroup(ctx: InboxContext, group: Group, run: Run): Promise<void> {
  const applyBatch = ctx.appliers.batchByType.get(group.type);
  if (!applyBatch) throw new Error(`no batch applier for ${group.type}`);
  let outcomes: (EventConflictError | null)[];
  try {
    outcomes = await applyBatch(
      group.events.map((e) => incoming(e, parseEventPayload(e.type, e.payload))),
      run.tx,
    );
  } catch (error) {
    throw refusal(error, group.events[0]?.id ?? '');
  }
  for (const [i, event] of group.events.entries()) {
    const conflict = outcomes[i];
    if (conflict) await recordConflict(ctx, event, conflict, run);
    else run.tally.applied += 1;
  }
}

async function applySingle(ctx: InboxContext, applier: EventApplier, event: SignedEvent, run: Run): Promise<void> {
  try {
    await applier(incoming(event, parseEventPayload(event.type, event.payload)), run.tx);
    run.tally.applied += 1;
  } catch (error) {
    if (!(error instanceof EventConflictError)) throw refusal(error, event.id);
    await recordConflict(ctx, event, error, run);
  }
}

/** Runs the storage work in order: first an earlier group, then this event's own (if any). */
async function inOrder(ctx: InboxContext, run: Run, before: Group | null, then: (() => Promise<void>) | null): Promise<void> {
  if (before) await applyGroup(ctx, before, run);
  if (then) await then();
}

/**
 * Applies one event that is next in line for its author. Returns the storage work still to await, or null when
 * there is none yet (the event joined a group): awaiting nothing hundreds of times in a row would exhaust Dexie's
 * zone echoes with native async/await and commit the transaction early (Dexie's PrematureCommitError).
 */
function applyOne(ctx: InboxContext, event: SignedEvent, run: Run): Promise<void> | null {
  if (event.prev !== run.cursor.hash) throw new QuarantineError('brokenChain', `${event.authorStation} #${event.seq}`);
  const row = eventRow(event, 'remote');
  observeRemoteHlc(ctx.database, event.hlc);
  run.rows.push(row);
  run.cursor = { author: event.authorStation, seq: event.seq, hash: row.hash, at: row.at };
  const type = event.type as IncomingEvent['type'];
  if (ctx.appliers.batchByType.has(type)) {
    const before = run.group && run.group.type !== type ? takeGroup(run) : null;
    run.group ??= { type, events: [] };
    run.group.events.push(event);
    const full = run.group.events.length >= MAX_GROUP ? takeGroup(run) : null;
    if (!before && !full) return null;
    return inOrder(ctx, run, before, full && (() => applyGroup(ctx, full, run)));
  }
  const before = takeGroup(run);
  const applier = ctx.appliers.byType.get(type);
  if (!applier) {
    // Types without an applier only need their place in the log.
    run.tally.applied += 1;
    return before ? applyGroup(ctx, before, run) : null;
  }
  return inOrder(ctx, run, before, () => applySingle(ctx, applier, event, run));
}

/** Applies events now in order for their author, then any that were waiting behind them. */
async function applyInOrder(ctx: InboxContext, tx: Transaction, batch: SignedBatch, tally: Tally): Promise<void> {
  const author = batch.from;
  const events = [...batch.events].sort((a, b) => a.seq - b.seq);
  const stored = await cursorsTable(ctx.database).get(author);
  // Only events at or below the cursor can be in the log already: read just those (a get per key is a round trip).
  const seen = events.filter((e) => e.seq <= (stored?.seq ?? 0));
  const [seenRows, waitingBefore] = await Promise.all([
    eventsTable(ctx.database).bulkGet(seen.map((e) => e.id)),
    pendingTable(ctx.database).where('author').equals(author).count(),
  ]);
  const known = new Map(seen.map((e, i) => [e.id, seenRows[i]]));
  const run: Run = { tx, cursor: stored ?? { author, seq: 0, hash: GENESIS_HASH, at: '' }, rows: [], tally, group: null };
  let waiting = waitingBefore > 0;
  for (const event of events) {
    const previously = known.get(event.id);
    if (previously || event.seq <= run.cursor.seq) {
      // Seen before: it must be the very event we applied, or the author has rewritten its history.
      if (!previously || previously.hash !== eventRow(event, 'remote').hash) throw new QuarantineError('brokenChain', `${author} #${event.seq} differs from the one applied`);
      tally.duplicates += 1;
    } else if (event.seq > run.cursor.seq + 1) {
      await pendingTable(ctx.database).put({ author, seq: event.seq, event, batchId: batch.id, at: new Date().toISOString() });
      tally.waiting += 1;
      waiting = true;
    } else {
      const work = applyOne(ctx, event, run);
      if (work) await work;
    }
    if (waiting) waiting = await drainPending(ctx, author, run);
  }
  const last = takeGroup(run);
  if (last) await applyGroup(ctx, last, run);
  if (run.rows.length > 0) {
    await eventsTable(ctx.database).bulkAdd(run.rows);
    await cursorsTable(ctx.database).put(run.cursor);
  }
}

/** Applies waiting events that are now next in line; says whether any are still waiting. */
async function drainPending(ctx: InboxContext, author: string, run: Run): Promise<boolean> {
  for (;;) {
    const next = await pendingTable(ctx.database).get([author, run.cursor.seq + 1]);
    if (!next) return (await pendingTable(ctx.database).where('author').equals(author).count()) > 0;
    await pendingTable(ctx.database).delete([author, next.seq]);
    run.tally.waiting = Math.max(0, run.tally.waiting - 1);
    const work = applyOne(ctx, next.event, run);
    if (work) await work;
  }
}

/** The tables one inbox transaction holds: sync's own, meta and every applier's. */
export function inboxTables(ctx: InboxContext): string[] {
  const own = [SYNC_TABLES.events, SYNC_TABLES.cursors, SYNC_TABLES.pending, SYNC_TABLES.conflicts, SYNC_TABLES.peers, META_TABLE];
  return [...new Set([...own, ...ctx.appliers.tables])];
}

async function quarantine(ctx: InboxContext, via: Via, q: { batchId: string | null; from: string | null; reason: QuarantineReason; detail: string; eventCount: number }): Promise<ReceiveResult> {
  await quarantineTable(ctx.database).put({ id: q.batchId ? `${q.batchId}:${q.reason}` : ulid(), via, receivedAt: new Date().toISOString(), ...q });
  return { outcome: 'quarantined', batchId: q.batchId, reason: q.reason, detail: q.detail };
}

/** A batch after the checks that need no local state: refused (to quarantine), or verified and ready to apply. */
export type CheckedBatch =
  | { kind: 'refused'; via: Via; batchId: string | null; from: string | null; reason: QuarantineReason; detail: string; eventCount: number }
  | { kind: 'verified'; via: Via; raw: unknown; batch: SignedBatch; rosterVersion: number };
type Via = 'exchange' | 'bundle';

/** The trust roster changed between checking a batch and applying it (a roster.updated just before it). */
class RosterChangedError extends Error {}

/** Signatures, roster membership, payload schemas: everything that can be checked outside the transaction. */
export async function checkBatch(ctx: InboxContext, raw: unknown, via: Via): Promise<CheckedBatch> {
  const [{ identity }, trust] = await Promise.all([signingStation(ctx.database), loadTrust(ctx.database)]);
  if (!trust.roster) throw new Error('no trust roster: cannot verify incoming batches');
  const check = await verifyIncomingBatch(raw, identity.code, trust.roster.roster, nativeVerifier);
  if (check.ok) return { kind: 'verified', via, raw, batch: check.batch, rosterVersion: trust.roster.roster.version };
  const eventCount = Array.isArray((raw as { events?: unknown } | null)?.events) ? (raw as { events: unknown[] }).events.length : 0;
  return { kind: 'refused', via, batchId: check.batchId, from: check.from, reason: check.problem, detail: check.detail, eventCount };
}

/** A message off the exchange: gzip'd canonical JSON; anything undecodable is refused as corrupt. */
export async function checkWireBatch(ctx: InboxContext, bytes: Uint8Array): Promise<CheckedBatch> {
  const decoded = decodeJsonGzip(bytes);
  if (!decoded.ok) return { kind: 'refused', via: 'exchange', batchId: null, from: null, reason: 'corrupt', detail: decoded.reason, eventCount: 0 };
  return checkBatch(ctx, decoded.value, 'exchange');
}

/**
 * Applies a checked batch in a single Dexie transaction (events, appliers' writes, cursors together), or
 * quarantines a refused one. Any other failure (a crash, a storage error) rolls everything back and rethrows, so
 * the caller does not acknowledge and the batch comes again. If the roster changed since the check, checks again.
 */
export async function applyCheckedBatch(ctx: InboxContext, checked: CheckedBatch): Promise<ReceiveResult> {
  if (checked.kind === 'refused') {
    const { via, batchId, from, reason, detail, eventCount } = checked;
    return quarantine(ctx, via, { batchId, from, reason, detail, eventCount });
  }
  const { batch, via } = checked;
  const tally: Tally = { applied: 0, duplicates: 0, waiting: 0, conflicts: 0 };
  try {
    await ctx.database.transaction('rw', inboxTables(ctx), async (tx) => {
      const trust = await loadTrust(ctx.database);
      if (trust.roster?.roster.version !== checked.rosterVersion) throw new RosterChangedError();
      await applyInOrder(ctx, tx, batch, tally);
      const peer = (await peersTable(ctx.database).get(batch.from)) ?? { code: batch.from, lastSentAt: null, lastReceivedAt: null, lastError: null, attempts: 0 };
      await peersTable(ctx.database).put({ ...peer, lastReceivedAt: new Date().toISOString() });
    });
  } catch (error) {
    if (error instanceof RosterChangedError) return applyCheckedBatch(ctx, await checkBatch(ctx, checked.raw, via));
    if (!(error instanceof QuarantineError)) throw error;
    return quarantine(ctx, via, { batchId: batch.id, from: batch.from, reason: error.reason, detail: error.detail, eventCount: batch.events.length });
  }
  return { outcome: 'applied', batchId: batch.id, ...tally };
}

/** Verifies and applies one batch (see checkBatch and applyCheckedBatch). */
export async function receiveBatch(ctx: InboxContext, raw: unknown, via: Via): Promise<ReceiveResult> {
  return applyCheckedBatch(ctx, await checkBatch(ctx, raw, via));
}

/** One message off the exchange, checked and applied. */
export async function receiveWireBatch(ctx: InboxContext, bytes: Uint8Array): Promise<ReceiveResult> {
  return applyCheckedBatch(ctx, await checkWireBatch(ctx, bytes));
}
