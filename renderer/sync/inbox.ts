import Dexie from 'dexie';
import type { Transaction } from 'dexie';
import { ulid } from 'ulid';
import { WIRE_MAX_BYTES, type SignedBatch } from '@shared/sync/batch';
import { GENESIS_HASH, linkFor, type SignedEvent } from '@shared/sync/event';
import { eventVerdict, verifyIncomingBatch, type EventRefusal } from '@shared/sync/verify';
import { decodeJsonGzip } from '@shared/sync/wire';
import type { ApplierSet } from './appliers';
import { EventConflictError, EventNotAuthorizedError, type EventApplier, type IncomingEvent } from './contract';
import { eventRow, observeRemoteHlc } from './event-log';
import { nativeVerifier } from './native-verify';
import { CURSOR_TABLES, applyCursor } from './outbox';
import { checkView, forgetCheckView, readCheckView, sameCheckView, type CheckView } from './check-view';
import {
  META_TABLE,
  SYNC_TABLES,
  conflictsTable,
  cursorsTable,
  eventsTable,
  peersTable,
  pendingTable,
  quarantineTable,
  refusedTable,
  type CursorRow,
  type EventRow,
  type PeerRow,
  type QuarantineReason,
  type RefusedRow,
} from './tables';

export interface InboxContext {
  database: Dexie;
  appliers: ApplierSet;
}

export type ReceiveResult =
  | { outcome: 'applied'; batchId: string; applied: number; duplicates: number; waiting: number; conflicts: number; refused: number }
  | { outcome: 'quarantined'; batchId: string | null; reason: QuarantineReason; detail: string };

/** Inflated, a batch is at most this large (one event alone may exceed the 256 KiB batch bound). */
export const WIRE_MAX_DECODED_BYTES = 8 * WIRE_MAX_BYTES;

/** Refuses the whole batch: thrown inside the transaction so nothing of it commits. */
class QuarantineError extends Error {
  constructor(
    readonly reason: QuarantineReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** An applier refused one event: the transaction is rolled back and run again with that event logged as refused. */
class RefuseEventError extends Error {
  constructor(
    readonly eventId: string,
    readonly reason: EventRefusal,
    readonly detail: string,
  ) {
    super(`${eventId} refused: ${reason}`);
  }
}

/** A batch applier refused one of several events: run again one event at a time, to learn which. */
class SplitGroupsError extends Error {}

/** The log's primary key refused an id of this batch: run again reading every id first (Attempt.readAllIds). */
class ReusedIdError extends Error {}

/** Adds the new log rows; a clash on [author+id] (a reused id) is told apart from any other storage failure. */
async function addRows(database: Dexie, rows: EventRow[]): Promise<void> {
  try {
    await eventsTable(database).bulkAdd(rows);
  } catch (error) {
    const failures = error instanceof Dexie.BulkError ? Object.values(error.failuresByPos) : [];
    if (failures.length > 0 && failures.every((f) => f.name === 'ConstraintError')) throw new ReusedIdError();
    throw error;
  }
}

interface Tally {
  applied: number;
  duplicates: number;
  waiting: number;
  conflicts: number;
  refused: number;
}

const blankTally = (): Tally => ({ applied: 0, duplicates: 0, waiting: 0, conflicts: 0, refused: 0 });

function incoming(event: SignedEvent, payload: unknown): IncomingEvent {
  const { id, aggregateId, authorStation, authorOfficer, hlc } = event;
  return { id, type: event.type as IncomingEvent['type'], aggregateId, authorStation, authorOfficer, hlc, payload };
}

/** Consecutive events of one type waiting for that type's batch applier, with their parsed payloads. */
interface Group {
  type: IncomingEvent['type'];
  events: IncomingEvent[];
}

/** What a retry of the transaction knows from the attempts before it. */
interface Attempt {
  /** Events an applier refused, by id, with the reason. */
  refusals: Map<string, { reason: EventRefusal; detail: string }>;
  /** Batch appliers get one event at a time (one of a run was refused). */
  singles: boolean;
  /**
   * The log already holds an id of this batch under a new seq (the author reused it): read every id first, so
   * the reuse is refused as `duplicateId`. Honest streams never reuse ids, so the first attempt reads only the
   * ids it needs (duplicates of applied events) and lets the log's primary key catch a reuse.
   */
  readAllIds: boolean;
}

/** One batch's work inside the transaction: new log rows and the author's cursor are written once, at the end. */
interface Run {
  /** The batch's transaction, handed to the appliers. */
  tx: Transaction;
  self: string;
  cursor: CursorRow;
  rows: EventRow[];
  /** Ids logged in this run (an author reusing an id is refused, not a storage error). */
  ids: Set<string>;
  refused: RefusedRow[];
  tally: Tally;
  group: Group | null;
  attempt: Attempt;
}

/** Bounds the memory a group holds and how much one batch applier call reads at once. */
const MAX_GROUP = 500;

async function recordConflict(ctx: InboxContext, event: IncomingEvent, conflict: EventConflictError, run: Run): Promise<void> {
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

function refusalOf(error: unknown, eventId: string): unknown {
  return error instanceof EventNotAuthorizedError ? new RefuseEventError(eventId, error.reason, error.message.slice(0, 300)) : error;
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
    outcomes = await applyBatch(group.events, run.tx);
  } catch (error) {
    if (error instanceof EventNotAuthorizedError && group.events.length > 1) throw new SplitGroupsError();
    throw refusalOf(error, group.events[0]?.id ?? '');
  }
  for (const [i, event] of group.events.entries()) {
    const conflict = outcomes[i];
    if (conflict) await recordConflict(ctx, event, conflict, run);
    else run.tally.applied += 1;
  }
}

async function applySingle(ctx: InboxContext, applier: EventApplier, event: IncomingEvent, run: Run): Promise<void> {
  try {
    await applier(event, run.tx);
    run.tally.applied += 1;
  } catch (error) {
    if (!(error instanceof EventConflictError)) throw refusalOf(error, event.id);
    await recordConflict(ctx, event, error, run);
  }
}

/** Runs the storage work in order: first an earlier group, then this event's own (if any). */
async function inOrder(ctx: InboxContext, run: Run, before: Group | null, then: (() => Promise<void>) | null): Promise<void> {
  if (before) await applyGroup(ctx, before, run);
  if (then) await then();
}

/** Logs an authentic event that is not taken: chained (the cursor moves past it), not applied, shown to staff. */
function refuse(ctx: InboxContext, event: SignedEvent, seq: number, reason: EventRefusal, detail: string, run: Run): Promise<void> | null {
  run.refused.push({
    author: event.authorStation,
    eventId: reason === 'duplicateId' ? `${event.id}#${seq}` : event.id,
    seq,
    type: event.type.slice(0, 60),
    aggregateId: event.aggregateId,
    authorOfficer: event.authorOfficer,
    hlc: event.hlc,
    reason,
    detail,
    at: new Date().toISOString(),
  });
  run.tally.refused += 1;
  // Whatever is grouped before it applies first (order), then nothing of this one.
  const before = takeGroup(run);
  return before ? applyGroup(ctx, before, run) : null;
}

/**
 * Applies one event that is next in line for its author. Returns the storage work still to await, or null when
 * there is none yet (the event joined a group): awaiting nothing hundreds of times in a row would exhaust Dexie's
 * zone echoes with native async/await and commit the transaction early (Dexie's PrematureCommitError).
 */
function applyOne(ctx: InboxContext, event: SignedEvent, run: Run): Promise<void> | null {
  const link = linkFor(event, run.self);
  if (!link || link.prev !== run.cursor.hash) throw new QuarantineError('brokenChain', `${event.authorStation} #${link?.seq ?? '?'}`);
  const row = eventRow(event, 'remote', run.self);
  run.cursor = { author: event.authorStation, seq: link.seq, hash: row.hash, at: row.at };
  // The author used this id before (ids are unique per author): refused, so it cannot collide in storage.
  if (run.ids.has(event.id)) return refuse(ctx, event, link.seq, 'duplicateId', event.id, run);
  run.ids.add(event.id);
  const earlier = run.attempt.refusals.get(event.id);
  const verdict = earlier ? { ok: false as const, ...earlier } : eventVerdict(event);
  if (!verdict.ok) {
    run.rows.push({ ...row, refused: true });
    return refuse(ctx, event, link.seq, verdict.reason, verdict.detail, run);
  }
  observeRemoteHlc(ctx.database, event.hlc);
  run.rows.push(row);
  const type = event.type as IncomingEvent['type'];
  const input = incoming(event, verdict.payload);
  if (ctx.appliers.batchByType.has(type)) {
    const before = run.group && run.group.type !== type ? takeGroup(run) : null;
    run.group ??= { type, events: [] };
    run.group.events.push(input);
    const full = run.group.events.length >= (run.attempt.singles ? 1 : MAX_GROUP) ? takeGroup(run) : null;
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
  return inOrder(ctx, run, before, () => applySingle(ctx, applier, input, run));
}

/**
 * Applies events now in order for their author, then any that were waiting behind them; returns the author's
 * cursor after the batch. `stored` is the cursor before it (read by the caller with its other reads).
 */
async function applyInOrder(ctx: InboxContext, tx: Transaction, batch: SignedBatch, stored: CursorRow | undefined, tally: Tally, attempt: Attempt): Promise<CursorRow | undefined> {
  const author = batch.from;
  const self = batch.to;
  const seqOf = (e: SignedEvent) => linkFor(e, self)?.seq ?? 0;
  const events = batch.events;
  const storedSeq = stored?.seq ?? 0;
  // Events at or below the cursor must be the very ones applied (their rows are compared); the others' ids only
  // matter if the author reused one, which the log's primary key catches (then every id is read: readAllIds).
  const lookup = attempt.readAllIds ? events : events.filter((e) => seqOf(e) <= storedSeq);
  const [rows, waitingBefore] = await Promise.all([
    lookup.length > 0 ? eventsTable(ctx.database).bulkGet(lookup.map((e): [string, string] => [author, e.id])) : [],
    pendingTable(ctx.database).where('author').equals(author).count(),
  ]);
  const known = new Map(lookup.map((e, i) => [e.id, rows[i]]));
  const ids = new Set([...known.values()].flatMap((r) => (r ? [r.id] : [])));
  const run: Run = { tx, self, cursor: stored ?? { author, seq: 0, hash: GENESIS_HASH, at: '' }, rows: [], ids, refused: [], tally, group: null, attempt };
  let waiting = waitingBefore > 0;
  for (const event of events) {
    const seq = seqOf(event);
    if (seq <= run.cursor.seq) {
      // Seen before: it must be the very event we applied, or the author has rewritten its history.
      const previously = known.get(event.id) ?? run.rows.find((r) => r.id === event.id);
      const same = previously?.hash === eventRow(event, 'remote', self).hash || (await refusedAsReusedId(ctx, event, seq, run));
      if (!same) throw new QuarantineError('brokenChain', `${author} #${seq} differs from the one applied`);
      tally.duplicates += 1;
    } else if (seq > run.cursor.seq + 1) {
      await pendingTable(ctx.database).put({ author, seq, event, batchId: batch.id, at: new Date().toISOString() });
      tally.waiting += 1;
      waiting = true;
    } else {
      const work = applyOne(ctx, event, run);
      if (work) await work;
    }
    if (waiting) waiting = await drainPending(ctx, author, run);
  }
  if (run.rows.length === 0 && run.refused.length === 0) return stored;
  // The last group's applier and the log's writes are independent: issued together, their sealing and requests
  // overlap (whichever fails first rolls the transaction back, and the attempt is run again as for any failure).
  const last = takeGroup(run);
  await Promise.all([
    last ? applyGroup(ctx, last, run) : null,
    addRows(ctx.database, run.rows),
    run.refused.length > 0 ? refusedTable(ctx.database).bulkPut(run.refused) : null,
    cursorsTable(ctx.database).put(run.cursor),
  ]);
  return run.cursor;
}

/**
 * An event seen before whose id the log holds for another event: it is the one refused as `duplicateId` at this
 * seq (logged under `<id>#<seq>`), delivered again — a duplicate, not a rewritten history.
 */
async function refusedAsReusedId(ctx: InboxContext, event: SignedEvent, seq: number, run: Run): Promise<boolean> {
  const key = `${event.id}#${seq}`;
  const row = run.refused.find((r) => r.eventId === key) ?? (await refusedTable(ctx.database).get([event.authorStation, key]));
  return row?.reason === 'duplicateId' && row.seq === seq && row.hlc === event.hlc && row.aggregateId === event.aggregateId && row.authorOfficer === event.authorOfficer;
}

/** Applies waiting events that are now next in line; says whether any are still waiting. */
async function drainPending(ctx: InboxContext, author: string, run: Run): Promise<boolean> {
  for (;;) {
    const next = await pendingTable(ctx.database).get([author, run.cursor.seq + 1]);
    if (!next) return (await pendingTable(ctx.database).where('[author+seq]').between([author, run.cursor.seq + 1], [author, Number.MAX_SAFE_INTEGER]).count()) > 0;
    await pendingTable(ctx.database).delete([author, next.seq]);
    if (await eventsTable(ctx.database).get([author, next.event.id])) run.ids.add(next.event.id);
    run.tally.waiting = Math.max(0, run.tally.waiting - 1);
    const work = applyOne(ctx, next.event, run);
    if (work) await work;
  }
}

/** The tables one inbox transaction holds: sync's own, meta and every applier's. */
export function inboxTables(ctx: InboxContext): string[] {
  const own = [SYNC_TABLES.events, SYNC_TABLES.cursors, SYNC_TABLES.pending, SYNC_TABLES.conflicts, SYNC_TABLES.peers, SYNC_TABLES.refused, ...CURSOR_TABLES, META_TABLE];
  return [...new Set([...own, ...ctx.appliers.tables])];
}

function blankPeer(code: string): PeerRow {
  return { code, lastSentAt: null, lastReceivedAt: null, lastError: null, attempts: 0 };
}

interface QuarantineInput {
  batchId: string | null;
  from: string | null;
  reason: QuarantineReason;
  detail: string;
  eventCount: number;
  /** The batch was signed by `from`: the failure is that station's, and its stream stops (与 X 的同步已停止). */
  authentic: boolean;
}

async function quarantine(ctx: InboxContext, via: Via, q: QuarantineInput): Promise<ReceiveResult> {
  const { authentic, ...row } = q;
  await ctx.database.transaction('rw', [SYNC_TABLES.quarantine, SYNC_TABLES.peers], async () => {
    await quarantineTable(ctx.database).put({ id: q.batchId ? `${q.batchId}:${q.reason}` : ulid(), via, receivedAt: new Date().toISOString(), ...row });
    if (!authentic || !q.from) return;
    const peer = (await peersTable(ctx.database).get(q.from)) ?? blankPeer(q.from);
    await peersTable(ctx.database).put({ ...peer, stopped: { reason: q.reason, detail: q.detail.slice(0, 300), at: new Date().toISOString() } });
  });
  return { outcome: 'quarantined', batchId: q.batchId, reason: q.reason, detail: q.detail };
}

/**
 * A batch after the checks that need no local state: refused (to quarantine), or verified and ready to apply;
 * `view` is what it was checked against (none for bytes refused before parsing).
 */
export type CheckedBatch =
  | { kind: 'refused'; via: Via; raw?: unknown; view?: CheckView; batchId: string | null; from: string | null; reason: QuarantineReason; detail: string; eventCount: number; authentic: boolean }
  | { kind: 'verified'; via: Via; raw: unknown; batch: SignedBatch; view: CheckView };
type Via = 'exchange' | 'bundle';

/** The trust roster changed between checking a batch and applying it (a roster.updated just before it). */
class RosterChangedError extends Error {}

/** Signatures, roster membership, order and bounds: everything that can be checked outside the transaction. */
export async function checkBatch(ctx: InboxContext, raw: unknown, via: Via): Promise<CheckedBatch> {
  const view = await checkView(ctx.database);
  if (!view.roster) throw new Error('no trust roster: cannot verify incoming batches');
  const check = await verifyIncomingBatch(raw, view.self, view.roster, nativeVerifier);
  if (check.ok) return { kind: 'verified', via, raw, batch: check.batch, view };
  const eventCount = Array.isArray((raw as { events?: unknown } | null)?.events) ? (raw as { events: unknown[] }).events.length : 0;
  return { kind: 'refused', via, raw, view, batchId: check.batchId, from: check.from, reason: check.problem, detail: check.detail, eventCount, authentic: check.authentic };
}

/**
 * A message off the exchange: gzip'd canonical JSON. Its size is checked before anything else, inflating stops
 * at the bound, and the text must be canonical (docs/PROTOCOL.md §Receiving, step 1).
 */
export async function checkWireBatch(ctx: InboxContext, bytes: Uint8Array): Promise<CheckedBatch> {
  const refused = (reason: QuarantineReason, detail: string): CheckedBatch => ({ kind: 'refused', via: 'exchange', batchId: null, from: null, reason, detail, eventCount: 0, authentic: false });
  if (bytes.length > WIRE_MAX_BYTES) return refused('tooLarge', `${bytes.length} bytes`);
  const decoded = decodeJsonGzip(bytes, { maxBytes: WIRE_MAX_DECODED_BYTES, canonical: true });
  if (!decoded.ok) return decoded.reason === 'tooLarge' || decoded.reason === 'notCanonical' ? refused(decoded.reason, decoded.reason) : refused('corrupt', decoded.reason);
  return checkBatch(ctx, decoded.value, 'exchange');
}

/** One attempt at the batch's transaction; the retries after an applier's refusal run it again from scratch. */
async function applyAttempt(ctx: InboxContext, checked: Extract<CheckedBatch, { kind: 'verified' }>, tally: Tally, attempt: Attempt): Promise<void> {
  const { batch } = checked;
  await ctx.database.transaction('rw', inboxTables(ctx), async (tx) => {
    // The reads every batch needs, in one round trip.
    const [view, before, peer] = await Promise.all([readCheckView(ctx.database), cursorsTable(ctx.database).get(batch.from), peersTable(ctx.database).get(batch.from)]);
    if (!sameCheckView(view, checked.view)) throw new RosterChangedError();
    const after = batch.events.length > 0 ? await applyInOrder(ctx, tx, batch, before, tally, attempt) : before;
    if (batch.cursor) await applyCursor(ctx.database, batch.to, batch.from, batch.cursor);
    // The stream moves again: whatever stopped it is behind us.
    const moved = (after?.seq ?? 0) > (before?.seq ?? 0);
    await peersTable(ctx.database).put({ ...(peer ?? blankPeer(batch.from)), lastReceivedAt: new Date().toISOString(), ...(moved ? { stopped: null } : {}) });
  });
}

/**
 * Applies a checked batch in a single Dexie transaction (events, appliers' writes, cursors together), or
 * quarantines a refused one. An event an applier refuses is logged as refused and the transaction runs again
 * without applying it. Any other failure (a crash, a storage error) rolls everything back and rethrows, so the
 * caller does not acknowledge and the batch comes again. If the roster changed since the check, checks again.
 */
export async function applyCheckedBatch(ctx: InboxContext, checked: CheckedBatch): Promise<ReceiveResult> {
  if (checked.kind === 'refused') {
    const { via, raw, view, batchId, from, reason, detail, eventCount, authentic } = checked;
    // Checked against a view that is no longer current (a roster taken meanwhile): checked again, not quarantined.
    if (view && !sameCheckView(view, await readCheckView(ctx.database))) {
      forgetCheckView(ctx.database);
      return applyCheckedBatch(ctx, await checkBatch(ctx, raw, via));
    }
    return quarantine(ctx, via, { batchId, from, reason, detail, eventCount, authentic });
  }
  const { batch, via } = checked;
  const attempt: Attempt = { refusals: new Map(), singles: false, readAllIds: false };
  // Each retry learns one more refusal (or to split groups, or to read all ids), so this ends after at most events + 3 rounds.
  for (let round = 0; round <= batch.events.length + 3; round += 1) {
    const tally = blankTally();
    try {
      await applyAttempt(ctx, checked, tally, attempt);
      // A roster.updated in the batch may have changed the view: read again for the next check.
      if (batch.events.some((e) => e.type === 'roster.updated')) forgetCheckView(ctx.database);
      return { outcome: 'applied', batchId: batch.id, ...tally };
    } catch (error) {
      if (error instanceof RosterChangedError) {
        forgetCheckView(ctx.database);
        return applyCheckedBatch(ctx, await checkBatch(ctx, checked.raw, via));
      }
      if (error instanceof SplitGroupsError) attempt.singles = true;
      else if (error instanceof ReusedIdError && !attempt.readAllIds) attempt.readAllIds = true;
      else if (error instanceof RefuseEventError) attempt.refusals.set(error.eventId, { reason: error.reason, detail: error.detail });
      else if (error instanceof QuarantineError) {
        return quarantine(ctx, via, { batchId: batch.id, from: batch.from, reason: error.reason, detail: error.detail, eventCount: batch.events.length, authentic: true });
      } else throw error;
    }
  }
  throw new Error(`batch ${batch.id}: appliers kept refusing`);
}

/** Verifies and applies one batch (see checkBatch and applyCheckedBatch). */
export async function receiveBatch(ctx: InboxContext, raw: unknown, via: Via): Promise<ReceiveResult> {
  return applyCheckedBatch(ctx, await checkBatch(ctx, raw, via));
}

/** One message off the exchange, checked and applied. */
export async function receiveWireBatch(ctx: InboxContext, bytes: Uint8Array): Promise<ReceiveResult> {
  return applyCheckedBatch(ctx, await checkWireBatch(ctx, bytes));
}
