import Dexie, { type Transaction } from 'dexie';
import { chainEntry, type AuditEntry, type AuditEntryContent } from '@shared/audit/chain';
import { auditMacKey, withMac, type AuditMacKey } from '@shared/audit/entry-mac';
import type { KeyPair } from '@shared/sync/keys';
import { META_TABLE, db } from '@renderer/platform/db';
import { resolvedStationKey, signingStation } from '@renderer/platform/station';
import { advanceAnchor } from './anchor';

/** The Dexie table of the audit trail. Include it in a transaction to audit atomically with the change. */
export const AUDIT_TABLE = 'audit';
export const auditTable = (source: Pick<Dexie, 'table'> = db()) => source.table<AuditEntry, number>(AUDIT_TABLE);

export type AuditInput = Omit<AuditEntryContent, 'seq' | 'at' | 'detail'> & { detail?: string; at?: string };

type Head = Pick<AuditEntry, 'seq' | 'hash'>;

/**
 * The chain's head as this connection last committed it (null: the trail was empty), so an append need not read
 * the head first. It only saves a round trip: every transaction checks it against the trail in the same round trip
 * as its first write (see `firstAppend`) and repairs a stale guess before it commits, so a head that another window,
 * a restore or a test moved on can never fork the chain. IndexedDB runs read-write transactions on the audit
 * table one at a time (across windows too), so what a transaction reads there stays true until it commits.
 */
const committedHeads = new WeakMap<Dexie, Head | null>();

/** One transaction's appends: the head after them, its first append's check (which the later ones wait for), its MAC key. */
interface TxChain {
  head: Head | null;
  checked: Promise<unknown>;
  key: AuditMacKey | null;
}
const chains = new WeakMap<IDBTransaction, TxChain>();

/** The trail read from the cached head on, without our own guess: does it still end at that head? */
function headStillAt(cached: Head | null, tail: readonly AuditEntry[]): boolean {
  if (cached === null) return tail.length === 0;
  const [first] = tail;
  return tail.length === 1 && first?.seq === cached.seq && first.hash === cached.hash;
}

/**
 * The first append of a transaction. With a cached head: writes the entry chained on it and, in the same round
 * trip, reads the trail from that head on. If the head was stale (an entry past it, or it is gone or different),
 * takes the guess back and chains onto the real head. Without a cached head: reads the head, then writes.
 */
async function firstAppend(tx: Transaction, content: AuditEntryContent, cached: Head | null | undefined, key: AuditMacKey | null): Promise<AuditEntry> {
  const table = auditTable(tx);
  if (cached !== undefined) {
    const guess = withMac(chainEntry(content, cached), key);
    // Either order of the two requests works: the read may or may not see our own add, so it is left out; a few
    // rows are enough to see anything past the head, and a failed add means its seq was taken.
    const [tail, failure] = await Promise.all([
      table.where('seq').aboveOrEqual(cached?.seq ?? 0).limit(3).toArray(),
      table.add(guess).then(
        () => null,
        (error: unknown) => error,
      ),
    ]);
    const written = failure === null;
    if (written && headStillAt(cached, tail.filter((e) => !(e.seq === guess.seq && e.hash === guess.hash)))) return guess;
    if (!written && !(failure instanceof Error && failure.name === Dexie.errnames.Constraint)) throw failure;
    if (written) await table.delete(guess.seq);
  }
  const last = await table.orderBy('seq').last();
  const entry = withMac(chainEntry(content, last ?? null), key);
  await table.add(entry);
  return entry;
}

/**
 * The MAC key of this station's signing key: the key the station provider last resolved (kept in memory there),
 * else read through the transaction when it holds the meta table. A transaction without the meta table never
 * waits for a read outside it (that could deadlock with another window's transaction), so the key is resolved
 * ahead: at start-up (`primeAuditMacKey`) and before `appendAudit` opens its own transaction. No key (a station
 * whose key is not available here): entries are written without a MAC and verification says so.
 */
const derived = new Map<string, AuditMacKey>();
function derive(pair: KeyPair | null): AuditMacKey | null {
  if (!pair) return null;
  const known = derived.get(pair.secretKey) ?? auditMacKey(pair);
  derived.set(pair.secretKey, known);
  return known;
}

async function macKeyFor(tx: Transaction): Promise<AuditMacKey | null> {
  const known = resolvedStationKey(tx.db);
  if (known !== undefined) return derive(known);
  if (!tx.storeNames.includes(META_TABLE)) return null;
  return signingStation(tx.db).then((s) => derive(s.key), () => null);
}

/** Resolves the station key for the audit trail outside any transaction (start-up, and before an own transaction). */
export async function primeAuditMacKey(database: Dexie = db()): Promise<void> {
  if (resolvedStationKey(database) === undefined) await Dexie.ignoreTransaction(() => signingStation(database)).catch(() => null);
}

/** The current MAC key of a database, read outside any transaction (verification). */
export async function auditMacKeyOf(database: Dexie): Promise<AuditMacKey | null> {
  return signingStation(database).then((s) => derive(s.key), () => null);
}

/**
 * After a restore (inside its transaction, which holds the meta table): authenticates the entries that carry no
 * MAC under the current key — the ones `mergeRestoredTrail` re-chained — so the merged trail verifies.
 */
export async function authenticateRestoredTrail(tx: Transaction): Promise<void> {
  const key = await signingStation(tx.db).then((s) => derive(s.key), () => null);
  if (!key) return;
  const table = auditTable(tx);
  const unauthenticated = (await table.toArray()).filter((e) => !e.mac?.startsWith(`${key.id}.`));
  await table.bulkPut(unauthenticated.map((e) => withMac(e, key)));
}

type CommittedListener = (database: Dexie, seq: number) => void;
const committedListeners = new Set<CommittedListener>();

/** Called after each transaction that appended entries commits, with the new head (features/audit sends checkpoints). */
export function onAuditCommitted(listener: CommittedListener): () => void {
  committedListeners.add(listener);
  return () => void committedListeners.delete(listener);
}

const outermost = (tx: Transaction): Transaction => (tx.parent ? outermost(tx.parent) : tx);

function chainOf(tx: Transaction): TxChain | undefined {
  return chains.get(tx.idbtrans);
}

/** Appends inside `tx` (which must be read-write and hold the audit table). */
export async function appendAuditIn(tx: Transaction, input: AuditInput): Promise<AuditEntry> {
  const content: AuditEntryContent = { detail: '', at: new Date().toISOString(), ...input, seq: 0 };
  const chain = chainOf(tx);
  if (chain) {
    await chain.checked;
    // The check is done: from here the transaction's own head is the trail's head. Built and moved in one step,
    // so appends issued together still chain one after the other.
    const entry = withMac(chainEntry(content, chain.head), chain.key);
    chain.head = entry;
    await auditTable(tx).add(entry);
    return entry;
  }
  const database = tx.db;
  const fresh: TxChain = { head: null, checked: Promise.resolve(), key: null };
  chains.set(tx.idbtrans, fresh);
  // Only once the entries (and the change they record) are committed do the cached head and the anchor move.
  // Dexie's completion of the outermost transaction, not a listener on IDB's event: Dexie resolves the caller's
  // `await db().transaction(…)` from that event's first handler, so a write begun right after it would still see
  // the old head here (and pay a failed guess and two more round trips).
  outermost(tx).on('complete', () => {
    committedHeads.set(database, fresh.head);
    if (fresh.head) advanceAnchor(database.name, fresh.head);
    const head = fresh.head;
    if (head) committedListeners.forEach((listener) => listener(database, head.seq));
  });
  const first = macKeyFor(tx)
    .then((key) => {
      fresh.key = key;
      return firstAppend(tx, content, committedHeads.get(database), key);
    })
    .then((entry) => {
      fresh.head = entry;
      return entry;
    });
  fresh.checked = first.catch(() => undefined);
  return first;
}

function auditScope(): Transaction | null {
  const tx = Dexie.currentTransaction;
  return tx && tx.storeNames.includes(AUDIT_TABLE) ? tx : null;
}

/**
 * Appends one entry to the chain. Inside a transaction that includes the audit table, it commits or rolls back
 * with the change it records; otherwise (e.g. a refusal, where nothing else is written) in its own transaction.
 */
export async function appendAudit(input: AuditInput): Promise<AuditEntry> {
  const tx = auditScope();
  if (tx) return appendAuditIn(tx, input);
  return Dexie.ignoreTransaction(async () => {
    await primeAuditMacKey();
    return db().transaction('rw', AUDIT_TABLE, (own) => appendAuditIn(own, input));
  });
}
