import type { Transaction } from 'dexie';

/**
 * Every version of the station database, oldest first. Never edit a released version: add a new one with
 * the changed stores and, when rows must be reshaped, an upgrade function. Dexie runs them in order.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const schemaVersions: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      /** Small key/value facts about this installation (station identity, settings). */
      meta: 'key',
    },
  },
  {
    version: 2,
    stores: {
      /** 审计日志: hash-chained, append-only (renderer/features/audit). */
      audit: 'seq, at, action, officer, result',
    },
  },
];
