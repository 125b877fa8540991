import { z } from 'zod';

/**
 * The columns of the population system's export (常住人口信息管理系统, 常住人口登记表 fields, one row per person with
 * the household's 户号/户别/住址/户主 repeated) and the fields of the register they feed. Each field lists the
 * header names seen in exports, the canonical one first: it is also the header the station's own export writes, so
 * an exported file imports again unchanged.
 */
export const IMPORT_FIELDS = [
  'householdNumber',
  'personNo',
  'name',
  'relationship',
  'formerNames',
  'sex',
  'ethnicity',
  'birthDate',
  'idNumber',
  'nativePlace',
  'birthPlace',
  'religion',
  'height',
  'bloodType',
  'education',
  'marital',
  'military',
  'workplace',
  'occupation',
  'phone',
  'movedToCity',
  'movedToAddress',
  'otherAddress',
  'householdKind',
  'address',
  'householder',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const importField = z.enum(IMPORT_FIELDS);

/** Header names by field (data: the export's own column titles, compared without spaces or brackets). */
export const IMPORT_HEADERS: Readonly<Record<ImportField, readonly string[]>> = {
  householdNumber: ['户号', '户编号', '户口号'],
  personNo: ['人号', '人编号', '序号'],
  name: ['姓名', '公民姓名'],
  relationship: ['与户主关系', '与户主关系代码', '家庭关系'],
  formerNames: ['曾用名'],
  sex: ['性别', '性别代码'],
  ethnicity: ['民族', '民族代码'],
  birthDate: ['出生日期', '出生年月日'],
  idNumber: ['公民身份号码', '身份证号码', '身份证号', '公民身份证号码'],
  nativePlace: ['籍贯'],
  birthPlace: ['出生地', '出生地详址'],
  religion: ['宗教信仰'],
  height: ['身高'],
  bloodType: ['血型'],
  education: ['文化程度', '学历'],
  marital: ['婚姻状况', '婚姻状况代码'],
  military: ['兵役状况'],
  workplace: ['服务处所', '工作单位'],
  occupation: ['职业'],
  phone: ['联系电话', '电话'],
  movedToCity: ['何时由何地迁来本市(县)', '何时由何地迁来本市'],
  movedToAddress: ['何时由何地迁来本址'],
  otherAddress: ['本市(县)其他住址', '其他住址'],
  householdKind: ['户别', '户类型'],
  address: ['住址', '户籍地址', '户籍地详址'],
  householder: ['户主', '户主姓名'],
};

/** Column index → field; a column left out is null (ignored). Saved for the next import. */
export const columnMapping = z.array(importField.nullable()).max(200);
export type ColumnMapping = z.infer<typeof columnMapping>;

/** The fields an import cannot do without: a person needs these to be valid at all. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['householdNumber', 'name', 'relationship', 'sex', 'ethnicity', 'birthDate', 'idNumber', 'address'];

/** Header text as compared: no spaces (incl. full-width), brackets of either width alike, no trailing colon. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/[\s\u3000\uFEFF]/g, '')
    .replace(/\uFF08/g, '(')
    .replace(/\uFF09/g, ')')
    .replace(/[:\uFF1A]$/, '');
}

const byHeader = new Map<string, ImportField>(IMPORT_FIELDS.flatMap((field) => IMPORT_HEADERS[field].map((h) => [normalizeHeader(h), field] as const)));

/**
 * A mapping guessed from the header row: exact header names first, then a header that contains a known name (a
 * column titled 公民身份号码(18位)); each field is taken once, by its first column.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<ImportField>();
  const exact = headers.map((h) => byHeader.get(normalizeHeader(h)) ?? null);
  const result: ColumnMapping = exact.map((field) => {
    if (field === null || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
  headers.forEach((h, i) => {
    if (result[i] !== null) return;
    const text = normalizeHeader(h);
    if (text === '') return;
    const found = [...byHeader.entries()].filter(([name]) => name.length >= 2 && text.includes(name)).sort((a, b) => b[0].length - a[0].length)[0];
    if (found && !taken.has(found[1])) {
      taken.add(found[1]);
      result[i] = found[1];
    }
  });
  return result;
}

/** Required fields no column feeds (the mapping step shows them and refuses to start). */
export function missingRequired(mapping: ColumnMapping): ImportField[] {
  return REQUIRED_IMPORT_FIELDS.filter((field) => !mapping.includes(field));
}

/** The same mapping applies to a file whose header row is the same. */
export const headerSignature = (headers: readonly string[]): string => headers.map(normalizeHeader).join('|');
