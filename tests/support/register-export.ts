import iconv from 'iconv-lite';
import { strToU8, zipSync } from 'fflate';
import { checkCharacter } from '@shared/validation/citizen-id';

/**
 * Test files shaped like the population system's export (常住人口登记表 columns, one row per person): generated
 * persons with valid ID numbers, a chosen set of bad rows, written as GBK CSV, UTF-8 CSV or XLSX (a minimal
 * writer: inline strings, one sheet, what read-excel-file and Excel read).
 */
export const EXPORT_HEADERS = ['户号', '人号', '姓名', '与户主关系', '曾用名', '性别', '民族', '出生日期', '公民身份号码', '籍贯', '出生地', '文化程度', '婚姻状况', '兵役状况', '服务处所', '职业', '何时由何地迁来本址', '户别', '住址', '户主'];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '朱', '马', '胡', '郭', '欧阳'];
const GIVEN = ['雨天', '建国', '秀英', '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超'];

/** The i-th generated person: 3 persons a household (户主, 配偶, 子女), deterministic, valid everywhere. */
export function exportRow(i: number, district = '310118'): string[] {
  const household = Math.floor(i / 3);
  const member = i % 3;
  const surname = SURNAMES[household % SURNAMES.length] ?? '王';
  const name = surname + (GIVEN[(i * 7) % GIVEN.length] ?? '明');
  const male = member === 0 ? household % 2 === 0 : member === 1 ? household % 2 === 1 : i % 2 === 0;
  const year = member === 2 ? 1990 + (household % 25) : 1950 + (household % 40);
  const month = 1 + (household % 12);
  const day = 1 + (household % 28);
  const birth = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  const sequence = ((household % 400) * 2 + (male ? 1 : 0) + member * 800) % 1000;
  const body = `${district}${birth}${String(sequence).padStart(3, '0')}`;
  const relationship = member === 0 ? '户主' : member === 1 ? (male ? '夫' : '妻') : male ? '子' : '女';
  return [
    String(310118000000 + household), String(member + 1), name, relationship, '', male ? '男' : '女', household % 5 === 0 ? '01' : '汉族',
    `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, body + checkCharacter(body), '上海市青浦区', '上海市青浦区',
    '大学本科毕业', '已婚', '未服兵役', '青浦区金泽镇人民政府', '公务员', '2001-03-05 上海市松江区', '家庭户', `上海市青浦区金泽镇蒸淀村${household + 1}号`, '',
  ];
}

/**
 * Households are unique by 户号 and persons by ID number only within about 400 households per birth date, so the
 * generator keeps sequences apart by household number: fine for the sizes tests and the bench use (≤ 200,000).
 */
export function exportRows(count: number, from = 0): string[][] {
  return Array.from({ length: count }, (_, k) => exportRow(from + k));
}

/** Twelve bad rows of different kinds (the column and what is wrong), each a row of `rows` made invalid. */
export const BAD_KINDS: readonly { column: string; value: (row: string[]) => string; field: string }[] = [
  { column: '公民身份号码', value: (r) => `${(r[8] ?? '').slice(0, 17)}${(r[8] ?? '').endsWith('0') ? '1' : '0'}`, field: 'idNumber' },
  { column: '出生日期', value: () => '1999-01-01', field: 'birthDate' },
  { column: '性别', value: (r) => (r[5] === '男' ? '女' : '男'), field: 'sex' },
  { column: '民族', value: () => '火星族', field: 'ethnicity' },
  { column: '姓名', value: () => '王😀', field: 'name' },
  { column: '姓名', value: () => '', field: 'name' },
  { column: '户号', value: () => '12', field: 'householdNumber' },
  { column: '住址', value: () => '', field: 'address' },
  { column: '与户主关系', value: () => '邻居', field: 'relationship' },
  { column: '文化程度', value: () => '自学成才', field: 'education' },
  { column: '公民身份号码', value: () => '12345', field: 'idNumber' },
  { column: '婚姻状况', value: () => '保密', field: 'marital' },
];

/** `rows` with the bad kinds applied to rows at `positions` (one kind each, in order); returns the copies. */
export function withBadRows(rows: readonly string[][], positions: readonly number[]): string[][] {
  const out = rows.map((r) => [...r]);
  positions.forEach((position, k) => {
    const kind = BAD_KINDS[k % BAD_KINDS.length];
    const row = out[position];
    if (!kind || !row) return;
    row[EXPORT_HEADERS.indexOf(kind.column)] = kind.value(row);
  });
  return out;
}

/** The item at `i`, which the test knows is there. */
export function nth<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
export const csvText = (rows: readonly (readonly string[])[], headers = EXPORT_HEADERS) => [headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

export const gbkCsv = (rows: readonly (readonly string[])[]): Uint8Array => new Uint8Array(iconv.encode(csvText(rows), 'gbk'));
export const utf8Csv = (rows: readonly (readonly string[])[], bom = true): Uint8Array => new TextEncoder().encode((bom ? '\uFEFF' : '') + csvText(rows));

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const column = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : column(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/** A one-sheet XLSX of the header and rows, every cell an inline string (as exports write ID numbers: text). */
export function xlsxFile(rows: readonly (readonly string[])[], headers = EXPORT_HEADERS): Uint8Array {
  const sheetRows = [headers, ...rows]
    .map((r, y) => `<row r="${y + 1}">${r.map((v, x) => (v === '' ? '' : `<c r="${column(x)}${y + 1}" t="inlineStr"><is><t>${xml(v)}</t></is></c>`)).join('')}</row>`)
    .join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`),
  };
  return zipSync(files);
}
