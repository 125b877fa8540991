import Dexie, { type Transaction } from 'dexie';
import { chainEntry, type AuditEntry, type AuditEntryContent } from '@shared/audit/chain';
import { db } from '@renderer/platform/db';
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

/** One transaction's appends: the head after them, and its first append's check, which the later ones wait for. */
interface TxChain {
  head: Head | null;
  checked: Promise<unknown>;
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
async function firstAppend(tx: Transaction, content: AuditEntryContent, cached: Head | null | undefined): Promise<AuditEntry> {
  const table = auditTable(tx);
  if (cached !== undefined) {
    const guess = chainEntry(content, cached);
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
  const entry = chainEntry(content, last ?? null);
  await table.add(entry);
  return entry;
}

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
    const entry = chainEntry(content, chain.head);
    chain.head = entry;
    await auditTable(tx).add(entry);
    return entry;
  }
  const database = tx.db;
  const fresh: TxChain = { head: null, checked: Promise.resolve() };
  chains.set(tx.idbtrans, fresh);
  // Only once the entries (and the change they record) are committed do the cached head and the anchor move.
  tx.idbtrans.addEventListener('complete', () => {
    committedHeads.set(database, fresh.head);
    if (fresh.head) advanceAnchor(database.name, fresh.head);
  });
  const first = firstAppend(tx, content, committedHeads.get(database)).then((entry) => {
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
  return Dexie.ignoreTransaction(() => db().transaction('rw', AUDIT_TABLE, (own) => appendAuditIn(own, input)));
}
