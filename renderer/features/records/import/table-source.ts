import Papa from 'papaparse';
import { detectEncoding } from '@shared/domain/resident/import/text-encoding';
import type { ImportFileKind } from '@shared/domain/resident/import/worker-protocol';

/**
 * An export file as a header row and data rows, whatever its format. CSV: the encoding detected (UTF-8 with or
 * without BOM, else GB18030, the superset of GBK), decoded once, then parsed by papaparse chunk by chunk, paused
 * while the rows already handed out are written, so only a chunk of parsed rows is ever in memory. XLSX:
 * read-excel-file (see docs/records-import.md for why not exceljs) reads the first sheet at once; its rows are
 * handed out the same way. Row numbers are the spreadsheet's: the header is row 1.
 */
export type SourceRow = { row: number; cells: string[] } | { row: number; blank: true };

export interface TableSource {
  kind: ImportFileKind;
  encoding: string;
  headers: string[];
  /** Data rows in order, then done. */
  rows(): AsyncGenerator<SourceRow>;
  /** Share of the file read so far, 0–1. */
  fraction(): number;
}

/** Reads an XLSX file's first sheet (injected: the worker and tests pass read-excel-file). */
export type XlsxReader = (bytes: ArrayBuffer) => Promise<readonly (readonly unknown[])[]>;

const CSV_CHUNK_CHARS = 1 << 20;

export const isXlsx = (bytes: Uint8Array): boolean => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const pad = (n: number) => String(n).padStart(2, '0');

/** A spreadsheet cell as the text a CSV would hold: dates as YYYY-MM-DD (read-excel-file gives UTC dates). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

export async function openTable(bytes: ArrayBuffer, readXlsx: XlsxReader): Promise<TableSource> {
  const view = new Uint8Array(bytes);
  return isXlsx(view) ? openXlsx(bytes, readXlsx) : openCsv(view);
}

async function openXlsx(bytes: ArrayBuffer, readXlsx: XlsxReader): Promise<TableSource> {
  const sheet = await readXlsx(bytes);
  const [head = [], ...body] = sheet.map((r) => r.map(cellText));
  let done = 0;
  return {
    kind: 'xlsx',
    encoding: 'xlsx',
    headers: head,
    fraction: () => (body.length === 0 ? 1 : done / body.length),
    async *rows() {
      for (let i = 0; i < body.length; i += 1) {
        done = i + 1;
        const cells = body[i] ?? [];
        yield isBlank(cells) ? { row: i + 2, blank: true } : { row: i + 2, cells };
      }
    },
  };
}

function decodeText(view: Uint8Array): { text: string; encoding: string } {
  const { encoding, bom } = detectEncoding(view.subarray(0, 65536));
  // One line end at the very end is not a blank row.
  return { text: new TextDecoder(encoding).decode(view.subarray(bom)).replace(/\r?\n$/, ''), encoding };
}

function openCsv(view: Uint8Array): TableSource {
  const { text, encoding } = decodeText(view);
  // The header row alone, to show the mapping before anything else is parsed.
  const firstLine = Papa.parse<string[]>(text, { preview: 1, skipEmptyLines: 'greedy' });
  const headers = firstLine.data[0] ?? [];
  let consumed = 0;
  return {
    kind: 'csv',
    encoding,
    headers,
    fraction: () => (text.length === 0 ? 1 : Math.min(1, consumed / text.length)),
    rows: () => csvRows(text, (chars) => (consumed = chars)),
  };
}

/**
 * papaparse's chunk callback turned into an async generator: the parser pauses after each chunk and resumes when
 * the consumer has taken every row of it.
 */
async function* csvRows(text: string, onConsumed: (chars: number) => void): AsyncGenerator<SourceRow> {
  const state: { pending: string[][] | null; parser: Papa.Parser | null; finished: boolean; failure: unknown; wake: (() => void) | null } = {
    pending: null,
    parser: null,
    finished: false,
    failure: null,
    wake: null,
  };
  const signal = () => {
    const wake = state.wake;
    state.wake = null;
    wake?.();
  };
  Papa.parse<string[]>(text, {
    chunkSize: CSV_CHUNK_CHARS,
    skipEmptyLines: false,
    chunk(results: Papa.ParseResult<string[]>, handle: Papa.Parser) {
      state.parser = handle;
      handle.pause();
      state.pending = results.data;
      onConsumed(results.meta.cursor);
      signal();
    },
    complete() {
      state.finished = true;
      signal();
    },
    error(error: unknown) {
      state.failure = error;
      state.finished = true;
      signal();
    },
  });
  let line = 0;
  let afterHeader = false;
  for (;;) {
    if (state.pending === null && !state.finished) await new Promise<void>((resolve) => (state.wake = resolve));
    if (state.failure) throw state.failure instanceof Error ? state.failure : new Error('csv');
    const rows = state.pending;
    if (rows === null) {
      if (state.finished) return;
      continue;
    }
    state.pending = null;
    for (const cells of rows) {
      line += 1;
      if (!afterHeader) {
        // The header is the first non-empty line (an export may start with a blank line).
        if (!isBlank(cells)) afterHeader = true;
        continue;
      }
      yield isBlank(cells) ? { row: line, blank: true } : { row: line, cells };
    }
    if (!state.finished) state.parser?.resume();
  }
}
