import { toCsv } from '../csv';
import type { AuditEntry } from './chain';

/** Column headers of the audit export, in the order of the columns. */
export interface AuditCsvHeaders {
  seq: string;
  at: string;
  station: string;
  officer: string;
  action: string;
  object: string;
  result: string;
  detail: string;
  prevHash: string;
  hash: string;
}

const columns: (keyof AuditCsvHeaders)[] = ['seq', 'at', 'station', 'officer', 'action', 'object', 'result', 'detail', 'prevHash', 'hash'];

/**
 * The audit export: UTF-8 with a byte-order mark (so Excel on Chinese Windows reads it), CRLF line ends, and the
 * hashes, so the exported trail can be re-verified away from the station.
 */
export function auditCsv(entries: readonly AuditEntry[], headers: AuditCsvHeaders): string {
  return toCsv([columns.map((c) => headers[c]), ...entries.map((entry) => columns.map((c) => entry[c]))]);
}
