import { describe, expect, it } from 'vitest';
import { formatPlate, normalizePlate, parsePlate, plateProvinces, provinceAbbreviationAliases } from '@shared/validation/plate';

const ok = (input: string) => {
  const result = parsePlate(input);
  if (!result.ok) throw new Error(`${input} refused: ${result.error}`);
  return result.value;
};
const error = (input: string) => {
  const result = parsePlate(input);
  return result.ok ? null : result.error;
};

describe('GA 36-2018 plate classifier', () => {
  it('accepts ordinary plates and derives the province and office', () => {
    const p = ok('沪A12345');
    expect(p).toMatchObject({ kind: 'ordinary', energy: null, office: 'A', prefix: '沪A', deltaProvince: '310000' });
    expect(p.province.name).toBe('上海市');
    expect(ok('浙F·A1B2C')).toMatchObject({ kind: 'ordinary', deltaProvince: '330000', officeName: '嘉兴（含嘉善、平湖）' });
    expect(ok('苏E ZZ999').officeName).toContain('昆山');
    expect(ok('皖M88888').deltaProvince).toBe('340000');
    expect(ok('粤B12345').deltaProvince).toBeNull();
  });

  it('normalises lower case and separators', () => {
    expect(normalizePlate(' 沪a·1b 2-34 ')).toBe('沪A1B234');
    expect(ok('浙f-a1234').plate).toBe('浙FA1234');
    expect(formatPlate('沪A12345')).toBe('沪A·12345');
  });

  it('accepts small new-energy plates: energy letter first, then a letter or digit, then four digits', () => {
    expect(ok('沪AD12345')).toMatchObject({ kind: 'newEnergySmall', energy: 'electric' });
    expect(ok('浙FF12345')).toMatchObject({ kind: 'newEnergySmall', energy: 'nonElectric' });
    expect(ok('苏EDF1234')).toMatchObject({ kind: 'newEnergySmall', energy: 'electric' });
    // the extended family the Ministry added when D/F ran out
    expect(ok('沪AA12345').energy).toBe('electric');
    expect(ok('沪AK12345').energy).toBe('nonElectric');
    // after the second position only digits
    expect(error('沪AD1234A')).toBe('format');
    // L is in neither family
    expect(error('沪AL12345')).toBe('format');
  });

  it('accepts large new-energy plates: five digits then D or F at the end', () => {
    expect(ok('苏E12345D')).toMatchObject({ kind: 'newEnergyLarge', energy: 'electric' });
    expect(ok('浙F12345F')).toMatchObject({ kind: 'newEnergyLarge', energy: 'nonElectric' });
    expect(error('苏E1234AD')).toBe('format');
    // the extended letters are for small plates only
    expect(error('苏E12345A')).toBe('format');
  });

  it('accepts trailer, learner, police, Hong Kong and Macao suffixes after four serial characters', () => {
    expect(ok('苏E1234挂').kind).toBe('trailer');
    expect(ok('沪A1234学').kind).toBe('learner');
    expect(ok('浙F0110警').kind).toBe('police');
    expect(ok('粤Z1234港').kind).toBe('hongKong');
    expect(ok('粤Z1234澳').kind).toBe('macao');
    expect(error('沪A12345警')).toBe('format');
    expect(error('沪A123警')).toBe('format');
    expect(error('沪A12警34')).toBe('format');
  });

  it('refuses I and O anywhere after the province character', () => {
    expect(error('沪A1234O')).toBe('forbiddenLetter');
    expect(error('沪AI2345')).toBe('forbiddenLetter');
    expect(error('沪I12345')).toBe('forbiddenLetter');
    expect(error('沪O12345')).toBe('forbiddenLetter');
    expect(error('沪AD1O234')).toBe('forbiddenLetter');
  });

  it('refuses wrong lengths, missing office letters and unknown province characters', () => {
    expect(error('')).toBe('empty');
    expect(error('沪A1234')).toBe('format');
    expect(error('沪A1234567')).toBe('format');
    expect(error('沪112345')).toBe('office');
    expect(error('A12345')).toBe('province');
    expect(error('港A12345')).toBe('province');
    expect(error('沪A12_45')).toBe('format');
  });

  it('knows all 31 province characters, each a distinct province', () => {
    const chars = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新';
    expect(plateProvinces).toHaveLength(31);
    expect(new Set(plateProvinces.map((p) => p.code)).size).toBe(31);
    for (const char of chars) {
      const p = ok(`${char}B12345`);
      expect(p.province.char).toBe(char);
      expect(p.plate.startsWith(char)).toBe(true);
    }
  });

  it('reads the other official abbreviations as the plate character', () => {
    for (const [alias, char] of Object.entries(provinceAbbreviationAliases)) {
      const p = ok(`${alias}A12345`);
      expect(p.province.char).toBe(char);
      expect(p.plate).toBe(`${char}A12345`);
    }
    expect(ok('黔A12345').province.name).toBe('贵州省');
  });
});
