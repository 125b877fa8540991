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
 * One CSV cell (RFC 4180 quoting). A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a
 * leading apostrophe: audit data is typed by people and must never execute when an auditor opens the file.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The audit export: UTF-8 with a byte-order mark (so Excel on Chinese Windows reads it), CRLF line ends, and the
 * hashes, so the exported trail can be re-verified away from the station.
 */
export function auditCsv(entries: readonly AuditEntry[], headers: AuditCsvHeaders): string {
  const lines = [columns.map((c) => csvCell(headers[c])).join(',')];
  for (const entry of entries) lines.push(columns.map((c) => csvCell(entry[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
