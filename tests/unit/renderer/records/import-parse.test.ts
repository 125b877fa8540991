import { readSheet } from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { guessMapping } from '@shared/domain/resident/import/columns';
import { openTable, type TableSource } from '@renderer/features/records/import/table-source';
import { preparedChunks } from '@renderer/features/records/import/prepare-rows';
import { EXPORT_HEADERS, exportRows, gbkCsv, nth, utf8Csv, withBadRows, xlsxFile, BAD_KINDS } from '../../../support/register-export';

const readXlsx = (bytes: ArrayBuffer) => readSheet(bytes, { parseNumber: (text: string) => text });
const context = { divisionCode: '310118', today: '2026-12-02' };
const buffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

async function allRows(source: TableSource): Promise<string[][]> {
  const out: string[][] = [];
  for await (const item of source.rows()) if ('cells' in item) out.push(item.cells);
  return out;
}

describe('import file reading (the worker half)', () => {
  const rows = exportRows(30);

  it('reads a GBK CSV, a UTF-8 CSV with BOM and an XLSX of the same rows to the same cells', async () => {
    const gbk = await openTable(buffer(gbkCsv(rows)), readXlsx);
    const utf8 = await openTable(buffer(utf8Csv(rows)), readXlsx);
    const xlsx = await openTable(buffer(xlsxFile(rows)), readXlsx);
    expect([gbk.encoding, utf8.encoding, xlsx.kind]).toEqual(['gb18030', 'utf-8', 'xlsx']);
    for (const source of [gbk, utf8, xlsx]) {
      expect(source.headers).toEqual(EXPORT_HEADERS);
      expect(await allRows(source)).toEqual(rows);
    }
  });

  it('numbers rows as the spreadsheet does and counts blank lines apart, not as rows', async () => {
    const text = `${EXPORT_HEADERS.join(',')}\r\n${nth(rows, 0).join(',')}\r\n\r\n,,\r\n${nth(rows, 1).join(',')}\r\n`;
    const source = await openTable(buffer(new TextEncoder().encode(text)), readXlsx);
    const items = [];
    for await (const item of source.rows()) items.push('blank' in item ? `${item.row}:blank` : `${item.row}:${item.cells[2]}`);
    expect(items).toEqual([`2:${nth(rows, 0)[2]}`, '3:blank', '4:blank', `5:${nth(rows, 1)[2]}`]);
  });

  it('reads a file larger than one parser chunk completely and in order (the parser pauses between chunks)', async () => {
    const many = exportRows(20_000);
    const source = await openTable(buffer(utf8Csv(many, false)), readXlsx);
    let count = 0;
    let lastRow = 1;
    let inOrder = true;
    for await (const item of source.rows()) {
      if (!('cells' in item)) continue;
      inOrder &&= item.row === lastRow + 1 && item.cells[8] === many[count]?.[8];
      lastRow = item.row;
      count += 1;
    }
    expect(source.fraction()).toBe(1);
    expect([count, inOrder]).toEqual([20_000, true]);
  });

  it('hands out rows in chunks of the same size on every run and skips what an earlier run committed', async () => {
    const bad = withBadRows(rows, [3, 17]);
    const mapping = guessMapping(EXPORT_HEADERS);
    const chunksOf = async (skip: number) => {
      const out = [];
      for await (const chunk of preparedChunks(await openTable(buffer(gbkCsv(bad)), readXlsx), mapping, context, skip, 8)) out.push(chunk);
      return out;
    };
    const full = await chunksOf(0);
    expect(full.map((c) => [c.rows.length, c.through])).toEqual([[8, 8], [8, 16], [8, 24], [6, 30]]);
    const refused = full.flatMap((c) => c.rows).filter((r) => !r.ok);
    expect(refused.map((r) => [r.row, !r.ok && r.issues[0]?.field])).toEqual([[5, nth(BAD_KINDS, 0).field], [19, nth(BAD_KINDS, 1).field]]);
    const good = full.flatMap((c) => c.rows).find((r) => r.ok);
    expect(good?.ok && good.keys.py.length).toBeGreaterThan(0);
    expect(good?.ok && good.keys.terms.some((t) => t.startsWith('t:'))).toBe(true);
    const resumed = await chunksOf(16);
    expect(resumed.map((c) => [c.rows.length, c.through])).toEqual([[8, 24], [6, 30]]);
    expect(resumed.flatMap((c) => c.rows).map((r) => r.row)).toEqual(full.slice(2).flatMap((c) => c.rows).map((r) => r.row));
  });
});
