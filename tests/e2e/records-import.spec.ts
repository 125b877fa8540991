import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect as baseExpect, demoState, openSignedIn, test } from './support/demo-state';
import { BAD_KINDS, EXPORT_HEADERS, exportRows, gbkCsv, withBadRows, xlsxFile } from '../support/register-export';

/**
 * 批量导入 (issue 17) through the records page: a GBK export of 1,000 persons with 12 bad rows of different kinds,
 * its re-import, the corrected rows, the same data as XLSX, and an import interrupted by a reload that resumes.
 * Files are made here (GBK with iconv-lite, XLSX with a small writer) and chosen through the browser host's file
 * picker, as an officer would.
 */
const expect = baseExpect.configure({ timeout: 30_000 });

// An empty station (the development install without residents), window staff signed in.
test.use({ storageState: demoState('development', 'window') });
// Several imports of 1,000–8,000 rows per test, each written sealed: more than the default minute on a busy machine.
test.describe.configure({ timeout: 480_000 });

const ROWS = exportRows(1000);
/** One bad row of each kind, spread over the file. */
const BAD_AT = BAD_KINDS.map((_, k) => 7 + k * 83);
const BAD_FILE = withBadRows(ROWS, BAD_AT);
const CORRECTED = BAD_AT.map((i) => ROWS[i] ?? []);

async function chooseFile(page: Page, name: string, buffer: Uint8Array): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose').click();
  await (await chooser).setFiles({ name, mimeType: name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv', buffer: Buffer.from(buffer) });
  await expect(page.getByTestId('import-file')).toContainText(name);
}

async function importFile(page: Page, name: string, buffer: Uint8Array): Promise<string> {
  await chooseFile(page, name, buffer);
  await expect(page.getByTestId('import-missing')).toHaveCount(0);
  await page.getByTestId('import-start').click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible({ timeout: 180_000 });
  return (await summary.textContent()) ?? '';
}

const summaryOf = (read: number, imported: number, updated: number, unchanged: number, refused: number) =>
  `共读取 ${read} 行 = 新增 ${imported} + 更新 ${updated} + 未变 ${unchanged} + 不合格 ${refused}`;

async function openImport(page: Page): Promise<void> {
  await openSignedIn(page, '/#/records');
  await page.getByTestId('open-import').click();
  await expect(page.getByTestId('import-view')).toBeVisible();
}

async function refusedRowNumbers(page: Page): Promise<number[]> {
  const cells = await page.getByTestId('import-refused-table').locator('tbody tr td:first-child').allTextContents();
  return [...new Set(cells.map((c) => Number(c.trim())))];
}

test('a GBK export: 988 imported, the 12 bad rows listed with reasons and downloadable; again changes nothing; the corrected 12 are added', async ({ page }) => {
  await openImport(page);
  await chooseFile(page, '常住人口.csv', gbkCsv(BAD_FILE));
  // The mapping is guessed from the export's headers and previewed.
  await expect(page.getByTestId('import-file')).toContainText('gb18030');
  await expect(page.getByTestId('import-column-8')).toContainText('公民身份号码');
  await expect(page.getByTestId('import-field-8')).toContainText('公民身份号码');
  await expect(page.getByTestId('import-column-2')).toContainText(ROWS[0]?.[2] ?? '');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-summary')).toHaveText(summaryOf(1000, 988, 0, 0, 12), { timeout: 60_000 });

  // The 12 rows with their spreadsheet row numbers (header = row 1) and reasons.
  expect(await refusedRowNumbers(page)).toEqual(BAD_AT.map((i) => i + 2));
  const table = page.getByTestId('import-refused-table');
  await expect(table).toContainText('身份证号校验码不正确');
  await expect(table).toContainText('出生日期与身份证号不一致');
  await expect(table).toContainText('性别与身份证号不一致');
  await expect(table).toContainText('不是代码表中的代码或名称');
  await expect(table).toContainText('姓名不能包含');

  const download = page.waitForEvent('download');
  await page.getByTestId('import-download-refused').click();
  const path = await (await download).path();
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.trim().split(/\r\n/);
  expect(lines[0]).toBe([...EXPORT_HEADERS, '行号', '问题'].join(','));
  expect(lines).toHaveLength(13);
  expect(lines[1]).toContain('身份证号校验码不正确');

  // The same file again: every row found, nothing changed.
  expect(await importFile(page, '常住人口.csv', gbkCsv(BAD_FILE))).toBe(summaryOf(1000, 0, 0, 988, 12));
  // The 12 rows corrected: 12 more.
  expect(await importFile(page, '更正.csv', gbkCsv(CORRECTED))).toBe(summaryOf(12, 12, 0, 0, 0));

  // Searchable at once: a corrected person by the last 4 of the ID number.
  await page.goto('/#/records');
  const id = ROWS[BAD_AT[0] ?? 0]?.[8] ?? '';
  await page.getByTestId('search-input').fill(id.slice(-4));
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('results')).toContainText(ROWS[BAD_AT[0] ?? 0]?.[2] ?? '');
});

test('an XLSX of the same data gives the same result', async ({ page }) => {
  await openImport(page);
  expect(await importFile(page, '常住人口.xlsx', xlsxFile(BAD_FILE))).toBe(summaryOf(1000, 988, 0, 0, 12));
  expect(await refusedRowNumbers(page)).toEqual(BAD_AT.map((i) => i + 2));
});

test('a reload in the middle of an import resumes from the last committed chunk to the same end state', async ({ page }) => {
  const big = withBadRows(exportRows(8_000), BAD_KINDS.map((_, k) => 100 + k * 641));
  const file = gbkCsv(big);
  await openImport(page);
  await chooseFile(page, '大文件.csv', file);
  await page.getByTestId('import-start').click();
  // Wait until at least one chunk has committed, then reload the window mid-import.
  await expect(page.getByTestId('import-progress')).toContainText(/已读取 [1-9]\d{3,} 行/, { timeout: 120_000 });
  await page.reload();
  await expect(page.getByTestId('import-view')).toBeVisible();
  await chooseFile(page, '大文件.csv', file);
  await expect(page.getByTestId('import-resume')).toBeVisible();
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-summary')).toHaveText(summaryOf(8_000, 7_988, 0, 0, 12), { timeout: 180_000 });
  // And the file once more changes nothing: the interrupted chunk was not written twice.
  expect(await importFile(page, '大文件.csv', file)).toBe(summaryOf(8_000, 0, 0, 7_988, 12));
});
