import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chineseInCode, type ChineseInCode } from './chinese-scan';

/**
 * shared/ speaks codes, not Chinese: refusals, statuses, categories and reasons leave shared/ as codes with
 * parameters, and the renderer words them (features' messages/zh-CN.ts + en.ts). Chinese may remain in comments
 * and in DATA: national code tables, place and station names, the plate alphabet, demo residents. Each such
 * declaration is listed here with the reason it is data; anything else with Chinese in it fails this test.
 */
const allowed: Record<string, Record<string, string>> = {
  'shared/domain/resident/code-tables.ts': {
    // Bilingual (zh + en) national code tables: GB/T 2261.1/2261.2/2261.3/3304/4658/4761. The UI picks `en` in English.
    SEX_CODES: 'GB/T 2261.1 table',
    MARITAL_CODES: 'GB/T 2261.2 table',
    ETHNIC_NAMES: 'GB/T 3304 names of the 56 ethnic groups',
    ETHNICITY_CODES: 'GB/T 3304 table (97 其他, 98 外国血统)',
    EDUCATION_CODES: 'GB/T 4658 table',
    RELATIONSHIP_CODES: 'GB/T 4761 table',
    MILITARY_CODES: 'GB/T 2261.3 table',
    BLOOD_TYPES: 'blood group table of the 户口簿, bilingual',
    // 户别 and 人员状态 as the household register (户口簿) prints them; bilingual, selected by CodeSelect like the tables above.
    HOUSEHOLD_KINDS: 'household register 户别 table, bilingual',
    PERSON_STATUS_CODES: 'household register status table, bilingual',
  },
  // Import of the population system's export (issue 17): its column titles and the way it writes dates and codes.
  'shared/domain/resident/import/columns.ts': { IMPORT_HEADERS: "the export's own column titles (常住人口登记表), matched to fields" },
  'shared/domain/resident/import/code-or-name.ts': { tableLookup: 'code names written without their suffix (汉 for 汉族, A for A型)' },
  'shared/domain/resident/import/import-row.ts': { splitWhenFrom: 'how the export writes 何时由何地迁来 (年 月 日, 由…迁来)' },
  'shared/domain/province.ts': { provinces: 'GB/T 2260 province names and their one-character abbreviations' },
  'shared/domain/dev-station.ts': { developmentStation: 'a station identity: its name and district are data' },
  'shared/validation/division-codes.ts': { HISTORICAL_DIVISIONS: 'GB/T 2260 names of retired division codes' },
  'shared/validation/division-names.ts': {
    divisionFullName: "GB/T 2260 name 市辖区 (a placeholder level) is skipped when composing a place name",
    PLACEHOLDER_CITIES: 'GB/T 2260 names of placeholder city levels, skipped in the district picker',
  },
  'shared/domain/resident/search-keys.ts': {
    COMPOUND_SURNAMES: 'compound surnames (复姓): personal-name data that splits a given name from its surname',
    typedBirthDate: 'the date characters 年 月 日 as typed in a birth date search',
  },
  'shared/validation/plate.ts': {
    // GA 36-2018 plate alphabet: the characters ARE the plate; parsing needs them.
    plateProvinces: 'GA 36 province characters with their GB/T 2260 province names',
    provinceAbbreviationAliases: 'official province abbreviations read as plate characters',
    deltaIssuingOffices: 'place names of the issuing offices (发牌机关) a plate prefix stands for',
    suffixKinds: 'GA 36 suffix characters (挂 学 警 港 澳) printed on plates',
  },
  'shared/patrol/checkpoint.ts': { exampleCheckpoint: 'a place name (the checkpoint) and plate characters' },
  'shared/migration/categories.ts': {
    // The document checklist is station configuration (stored, replaceable), each item carrying zh and en.
    idCard: 'checklist item, bilingual configuration data',
    hukouBook: 'checklist item, bilingual configuration data',
    optIn: 'checklist item, bilingual configuration data',
    hostBook: 'checklist item, bilingual configuration data',
    housing: 'checklist item, bilingual configuration data',
    defaultChecklists: 'checklist items, bilingual configuration data',
  },
  // Demo data: invented residents, stations and their groups, shown as data (names, addresses, occupations).
  'shared/demo/demo-network.ts': { demoGroups: 'demo group names', stationInfo: 'demo station names', demoRoster: 'demo roster issuer name' },
  'shared/demo/resident-places.ts': {
    DEMO_DISTRICTS: 'place names',
    VILLAGE_NAMES: 'place names',
    VILLAGE_KINDS: 'place-name suffixes (村 / 社区)',
    ROAD_NAMES: 'place names',
    SURNAMES: 'personal names',
    GIVEN_MALE: 'personal names',
    GIVEN_FEMALE: 'personal names',
    OCCUPATIONS: 'free-text occupations of demo residents',
    WORKPLACES: 'free-text workplaces of demo residents',
  },
  'shared/demo/residents.ts': {
    districtFor: 'place names of a generated district',
    address: 'address parts (弄 号 室) of generated addresses',
    person: 'free-text occupations of demo residents (退休, 学生)',
  },
  // Diagnostics that never reach a user: a malformed scanned statement / revocation is refused with a code; the
  // exception text only names the field for a developer.
  'shared/documents/codec.ts': { readBody: 'developer diagnostic of a malformed statement' },
  'shared/documents/revocation.ts': { documentRevocation: 'developer diagnostic of a malformed revocation' },
};

const root = join(import.meta.dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const hits: (ChineseInCode & { file: string })[] = sourceFiles(join(root, 'shared')).flatMap((path) => {
  const file = relative(root, path).split('\\').join('/');
  return chineseInCode(file, readFileSync(path, 'utf8')).map((hit) => ({ file, ...hit }));
});

describe('shared/ speaks codes, not Chinese', () => {
  it('has no Chinese outside comments except the listed data', () => {
    const unexpected = hits.filter((h) => allowed[h.file]?.[h.declaration] === undefined).map((h) => `${h.file}:${h.line} ${h.declaration} ${h.text}`);
    expect(unexpected).toEqual([]);
  });

  it('lists no data that is gone (every allowance is still needed)', () => {
    const used = new Set(hits.map((h) => `${h.file} ${h.declaration}`));
    const stale = Object.entries(allowed).flatMap(([file, declarations]) => Object.keys(declarations).map((d) => `${file} ${d}`)).filter((k) => !used.has(k));
    expect(stale).toEqual([]);
  });

  it('finds Chinese in strings, templates and names, and not in comments', () => {
    const source = [
      '// 注释不算',
      "/** 文档注释也不算 */ export const refusal = '不能办理';",
      'export function why(date: string) { return `已于 ${date} 过期`; }',
      "export const table = { 黔: '贵' };",
      "export const english = 'fine';",
    ].join('\n');
    expect(chineseInCode('fixture.ts', source).map((h) => [h.declaration, h.text])).toEqual([
      ['refusal', "'不能办理'"],
      ['why', '`已于 ${'],
      ['why', '} 过期`'],
      ['table', '黔'],
      ['table', "'贵'"],
    ]);
  });
});
