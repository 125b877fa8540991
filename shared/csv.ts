/**
 * The one CSV writer: for spreadsheets (Excel on Chinese Windows first). RFC 4180 quoting, CRLF line ends and a
 * byte-order mark so the Chinese text opens as UTF-8.
 */
export type CsvValue = string | number | null | undefined;

/**
 * One cell. Text that a spreadsheet would run as a formula (leading =, +, -, @, tab or CR) gets a leading
 * apostrophe: the data is typed by people (names, plates, audit details) and must never execute when the file is
 * opened (CSV injection). Numbers are numbers, so -1 stays -1; null and undefined are empty cells.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells to the file's text. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
