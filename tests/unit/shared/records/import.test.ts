import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { addCounts, countRow, countsBalance, emptyCounts, type RowOutcome } from '@shared/domain/resident/import/accounting';
import { codeFromText } from '@shared/domain/resident/import/code-or-name';
import { guessMapping, headerSignature, missingRequired } from '@shared/domain/resident/import/columns';
import { checkRow, isoFromTyped, splitWhenFrom } from '@shared/domain/resident/import/import-row';
import { detectEncoding, isValidUtf8 } from '@shared/domain/resident/import/text-encoding';
import { fromImportWorker, preparedRow } from '@shared/domain/resident/import/worker-protocol';
import { checkCharacter } from '@shared/validation/citizen-id';

const EXPORT_HEADERS = ['户号', '人号', '姓名', '与户主关系', '曾用名', '性别', '民族', '出生日期', '公民身份号码', '籍贯', '出生地', '文化程度', '婚姻状况', '兵役状况', '服务处所', '职业', '何时由何地迁来本址', '户别', '住址', '户主'];
const id = (body17: string) => body17 + checkCharacter(body17);
const context = { divisionCode: '310118', today: '2026-12-02' };
const mapping = guessMapping(EXPORT_HEADERS);

function row(overrides: Partial<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = {
    户号: '310118001', 人号: '1', 姓名: '王雨天', 与户主关系: '户主', 曾用名: '', 性别: '男', 民族: '汉族', 出生日期: '1994-03-15',
    公民身份号码: id('31011819940315001'), 籍贯: '上海市青浦区', 出生地: '上海市青浦区', 文化程度: '大学本科毕业', 婚姻状况: '已婚',
    兵役状况: '未服兵役', 服务处所: '青浦区金泽镇人民政府', 职业: '公务员', 何时由何地迁来本址: '2001-03-05 上海市松江区', 户别: '家庭户',
    住址: '上海市青浦区金泽镇蒸淀村12号', 户主: '王雨天', ...overrides,
  };
  return EXPORT_HEADERS.map((h) => base[h] ?? '');
}

describe('header guessing', () => {
  it('maps every column of the population system export to its field', () => {
    expect(mapping).toEqual([
      'householdNumber', 'personNo', 'name', 'relationship', 'formerNames', 'sex', 'ethnicity', 'birthDate', 'idNumber', 'nativePlace',
      'birthPlace', 'education', 'marital', 'military', 'workplace', 'occupation', 'movedToAddress', 'householdKind', 'address', 'householder',
    ]);
    expect(missingRequired(mapping)).toEqual([]);
  });

  it('reads headers with spaces, full-width brackets, a BOM and decorations; unknown columns stay unmapped', () => {
    expect(guessMapping(['\uFEFF户 号', '公民身份号码（18位）', '姓名：', '备注', '性别代码'])).toEqual(['householdNumber', 'idNumber', 'name', null, 'sex']);
  });

  it('takes each field once, by its first column', () => {
    expect(guessMapping(['姓名', '姓名', '身份证号', '公民身份号码'])).toEqual(['name', null, 'idNumber', null]);
  });

  it('names the required fields no column feeds', () => {
    expect(missingRequired(guessMapping(['姓名', '性别']))).toEqual(['householdNumber', 'relationship', 'ethnicity', 'birthDate', 'idNumber', 'address']);
  });

  it('gives the same signature to the same header row however it is spaced', () => {
    expect(headerSignature(['户号', '姓名'])).toBe(headerSignature([' 户号', '姓 名']));
    expect(headerSignature(['户号', '姓名'])).not.toBe(headerSignature(['姓名', '户号']));
  });
});

describe('code-or-name columns', () => {
  it('accepts the code, the name, the name without its suffix and a code whose leading zero a spreadsheet dropped', () => {
    expect(['01', '汉族', '汉', '1', 'Han'].map((v) => codeFromText('ethnicity', v))).toEqual(['01', '01', '01', '01', '01']);
    expect(['2', '女', 'female'].map((v) => codeFromText('sex', v))).toEqual(['2', '2', '2']);
    expect(['02', '户主', '2'].map((v) => codeFromText('relationship', v))).toEqual(['02', '02', '02']);
    expect(codeFromText('householdKind', '集体户')).toBe('collective');
    expect(codeFromText('bloodType', 'AB型')).toBe('AB');
  });

  it('leaves text it does not know as it is, for the rule to refuse', () => {
    expect(codeFromText('ethnicity', '火星族')).toBe('火星族');
    expect(codeFromText('ethnicity', '99')).toBe('99');
    expect(codeFromText('sex', '  ')).toBe('');
  });
});

describe('row validation with the forms rules', () => {
  it('turns a good row into the person and household the forms would save', () => {
    const checked = checkRow(row(), mapping, context);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.person).toMatchObject({ name: '王雨天', relationship: '02', sex: '1', ethnicity: '01', education: '21', marital: '20', military: '0', movedToAddressDate: '2001-03-05', movedToAddressFrom: '上海市松江区' });
    expect(checked.personNo).toBe(1);
    expect(checked.household).toEqual({ number: '310118001', kind: 'family', address: '上海市青浦区金泽镇蒸淀村12号', divisionCode: '310118', issueDate: '2026-12-02' });
  });

  it('refuses each kind of bad row with the field and the rule the form would show', () => {
    const refused = (overrides: Partial<Record<string, string>>) => {
      const checked = checkRow(row(overrides), mapping, context);
      return checked.ok ? [] : checked.issues.map((i) => `${i.field}:${i.rule}`);
    };
    expect(refused({ 公民身份号码: '310118199403150010' })).toEqual(['idNumber:idNumber.checksum']);
    expect(refused({ 出生日期: '1994-03-16' })).toEqual(['birthDate:birthDateMismatch']);
    expect(refused({ 性别: '女' })).toEqual(['sex:sexMismatch']);
    expect(refused({ 民族: '火星族' })).toEqual(['ethnicity:choice']);
    expect(refused({ 民族: '' })).toEqual(['ethnicity:required']);
    expect(refused({ 姓名: '王😀' })).toEqual(['name:chars.name']);
    expect(refused({ 姓名: '' })).toEqual(['name:required']);
    expect(refused({ 户号: '12' })).toEqual(['householdNumber:householdNumber']);
    expect(refused({ 住址: '' })[0]).toMatch(/^address:/);
    expect(refused({ 人号: 'x' })).toEqual(['personNo:personNo']);
  });

  it('reads dates as exports write them', () => {
    expect(['1994-03-15', '19940315', '1994/3/15', '1994年3月15日', '1994.3.15'].map(isoFromTyped)).toEqual(Array(5).fill('1994-03-15'));
    expect(isoFromTyped('1994-02-30')).toBe('1994-02-30');
    expect(splitWhenFrom('2001年3月5日由上海市松江区迁来')).toEqual({ date: '2001-03-05', from: '上海市松江区' });
    expect(splitWhenFrom('上海市松江区')).toEqual({ date: '', from: '上海市松江区' });
  });

  it('normalises a legacy 15-digit ID as the form does', () => {
    const checked = checkRow(row({ 公民身份号码: '310118940315001', 出生日期: '1994-03-15' }), mapping, context);
    expect(checked.ok && checked.person.idNumber).toBe(id('31011819940315001'));
  });
});

describe('encodings', () => {
  const text = `${EXPORT_HEADERS.join(',')}\r\n${row().join(',')}\r\n`;

  it('reads a GBK export as GB18030 and gets the same text back', () => {
    const bytes = new Uint8Array(iconv.encode(text, 'gbk'));
    const { encoding, bom } = detectEncoding(bytes);
    expect(encoding).toBe('gb18030');
    expect(new TextDecoder(encoding).decode(bytes.subarray(bom))).toBe(text);
  });

  it('reads GB18030 four-byte characters (rare names outside GBK)', () => {
    const rare = '王𠮷䶮';
    const bytes = new Uint8Array(iconv.encode(rare, 'gb18030'));
    expect(detectEncoding(bytes).encoding).toBe('gb18030');
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(rare);
  });

  it('reads UTF-8 with and without a byte-order mark, even when the sample ends inside a character', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(detectEncoding(utf8)).toEqual({ encoding: 'utf-8', bom: 0 });
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ encoding: 'utf-8', bom: 3 });
    expect(isValidUtf8(utf8.subarray(0, '户号'.length * 3 - 1))).toBe(true);
  });

  it('refuses overlong and surrogate UTF-8 forms', () => {
    expect(isValidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(false);
    expect(isValidUtf8(new Uint8Array([0xed, 0xa0, 0x80, 0x41]))).toBe(false);
  });
});

describe('row accounting', () => {
  it('puts every row read in exactly one bucket', () => {
    const outcomes: RowOutcome[] = ['imported', 'imported', 'refused', 'updated', 'unchanged', 'refused'];
    const counts = outcomes.reduce(countRow, emptyCounts());
    expect(counts).toEqual({ read: 6, imported: 2, updated: 1, unchanged: 1, refused: 2, blank: 0 });
    expect(countsBalance(counts)).toBe(true);
    expect(countsBalance(addCounts(counts, counts))).toBe(true);
    expect(countsBalance({ ...counts, imported: 1 })).toBe(false);
  });
});

describe('worker messages', () => {
  it('accepts a checked row and refuses a row without issues or a malformed digest', () => {
    const checked = checkRow(row(), mapping, context);
    if (!checked.ok) throw new Error('row should be valid');
    const good = { ok: true, row: 1, person: checked.person, personNo: 1, household: checked.household, keys: { sortKey: 'a', py: [], terms: [], grams: [] } };
    expect(preparedRow.safeParse(good).success).toBe(true);
    expect(preparedRow.safeParse({ ok: false, row: 2, cells: [], issues: [] }).success).toBe(false);
    expect(fromImportWorker.safeParse({ type: 'inspected', kind: 'csv', encoding: 'utf-8', sha256: 'xyz', size: 1, headers: [], preview: [] }).success).toBe(false);
  });
});

