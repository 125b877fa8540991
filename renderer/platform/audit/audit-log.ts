import Dexie from 'dexie';
import { chainEntry, type AuditEntry, type AuditEntryContent } from '@shared/audit/chain';
import { db } from '@renderer/platform/db';
import { advanceAnchor } from './anchor';

/** The Dexie table of the audit trail. Include it in a transaction to audit atomically with the change. */
export const AUDIT_TABLE = 'audit';
export const auditTable = () => db().table<AuditEntry, number>(AUDIT_TABLE);

export type AuditInput = Omit<AuditEntryContent, 'seq' | 'at' | 'detail'> & { detail?: string; at?: string };

function inScope(): boolean {
  const tx = Dexie.currentTransaction;
  return !tx || tx.storeNames.includes(AUDIT_TABLE);
}

/**
 * Appends one entry to the chain. Inside a transaction that includes the audit table, it commits or rolls back
 * with the change it records; otherwise (e.g. a refusal, where nothing else is written) in its own transaction.
 */
export async function appendAudit(input: AuditInput): Promise<AuditEntry> {
  const write = () =>
    db().transaction('rw', AUDIT_TABLE, async () => {
      const table = auditTable();
      const last = await table.orderBy('seq').last();
      const entry = chainEntry({ detail: '', at: new Date().toISOString(), ...input, seq: 0 }, last ?? null);
      await table.add(entry);
      // Only once the entry (and the change it records) is committed does the anchor move to it.
      Dexie.currentTransaction?.idbtrans.addEventListener('complete', () => advanceAnchor(db().name, entry));
      return entry;
    });
  return inScope() ? write() : Dexie.ignoreTransaction(write);
}
