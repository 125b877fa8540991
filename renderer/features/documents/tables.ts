import type Dexie from 'dexie';
import type { SignedRevocation } from '@shared/documents';

/**
 * 文书作废 (schema v15, `documentRevocations`): every signed revocation this station knows, its own and its
 * neighbours', by document key. Only public facts (document type and number, issuing station, reason, officer
 * key, signature): nothing personal, so the table stays clear (docs/security.md).
 */
export const REVOCATIONS_TABLE = 'documentRevocations';

export interface RevocationRow {
  /** `documentKey`: `CODE:TYPE:NUMBER`. */
  key: string;
  issuingStation: string;
  signed: SignedRevocation;
  /** When this station learnt of it (its own: when it revoked). */
  at: string;
}

export const revocationsTable = (source: Pick<Dexie, 'table'>) => source.table<RevocationRow, string>(REVOCATIONS_TABLE);
