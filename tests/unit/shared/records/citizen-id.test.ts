import { describe, expect, it } from 'vitest';
import { checkCharacter, citizenId, maskCitizenId, maskPhone, parseCitizenId, upgradeLegacyId } from '@shared/validation/citizen-id';
import { decodeDivisionCodes, encodeDivisionCodes, HISTORICAL_DIVISIONS, isKnownDivision, loadDivisionNames } from '@shared/validation/division-codes';
import { DIVISION_CODE_GROUPS } from '@shared/validation/division-code-list';
import { currentDivisions, divisionFullName, lookupDivision } from '@shared/validation/division-names';

const today = new Date('2026-11-23T12:00:00Z');

describe('GB 11643 citizen ID', () => {
  it.each(['11010519491231002X', '440524188001010014', '34052419800101001X'])('accepts the standard example %s', (id) => {
    const result = parseCitizenId(id, today);
    expect(result.ok).toBe(true);
  });

  it('reads birth date and sex from the number', () => {
    const result = parseCitizenId('11010519491231002X', today);
    expect(result).toEqual({ ok: true, info: { value: '11010519491231002X', addressCode: '110105', birthDate: '1949-12-31', sex: 'female' } });
    const male = parseCitizenId('440524188001010014', today);
    expect(male.ok && male.info.sex).toBe('male');
  });

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
  });

  it('stores a lowercase x as X', () => {
    const result = parseCitizenId('11010519491231002x', today);
    expect(result.ok && result.info.value).toBe('11010519491231002X');
    expect(citizenId.parse('34052419800101001x')).toBe('34052419800101001X');
  });

  it('rejects a wrong check character', () => {
    expect(parseCitizenId('110105194912310021', today)).toEqual({ ok: false, error: 'checksum' });
    expect(parseCitizenId('440524188001010015', today)).toEqual({ ok: false, error: 'checksum' });
  });

  it('rejects impossible dates even with a correct check character', () => {
    const body = '31011819990230123';
    expect(parseCitizenId(body + checkCharacter(body), today)).toEqual({ ok: false, error: 'birthDate' });
    const feb29 = '31011820230229123';
    expect(parseCitizenId(feb29 + checkCharacter(feb29), today)).toEqual({ ok: false, error: 'birthDate' });
    const leap = '31011820240229123';
    expect(parseCitizenId(leap + checkCharacter(leap), today).ok).toBe(true);
  });

  it('rejects a birth date after today', () => {
    const body = '31011820261124123';
    expect(parseCitizenId(body + checkCharacter(body), today)).toEqual({ ok: false, error: 'future' });
    const sameDay = '31011820261123123';
    expect(parseCitizenId(sameDay + checkCharacter(sameDay), today).ok).toBe(true);
  });

  it('rejects address codes that were never GB/T 2260 codes', () => {
    const body = '99010519800101123';
    expect(parseCitizenId(body + checkCharacter(body), today)).toEqual({ ok: false, error: 'addressCode' });
    const noCounty = '31019919800101123';
    expect(parseCitizenId(noCounty + checkCharacter(noCounty), today)).toEqual({ ok: false, error: 'addressCode' });
  });

  it('accepts historical codes such as 吴江市 320584', () => {
    const body = '32058419900101123';
    expect(parseCitizenId(body + checkCharacter(body), today).ok).toBe(true);
    expect(lookupDivision('320584')).toMatchObject({ name: '吴江市', retired: 2012 });
  });

  it('rejects malformed input', () => {
    for (const bad of ['', '1234', '11010519491231002Y', '1101051949123100XX', '１１０１０５１９４９１２３１００２Ｘ']) {
      expect(parseCitizenId(bad, today)).toEqual({ ok: false, error: 'format' });
    }
  });

  it('upgrades legacy 15-digit numbers by inserting 19 and a check character', () => {
    expect(upgradeLegacyId('110105491231002')).toBe('11010519491231002X');
    const result = parseCitizenId('440524800101001', today);
    expect(result.ok && result.info.value).toBe('44052419800101001' + checkCharacter('44052419800101001'));
  });

  it('masks ID and phone numbers for lists', () => {
    expect(maskCitizenId('310118199001011238')).toBe('3101**********1238');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('GB/T 2260 division table', () => {
  it('knows current county, city and province codes of the border districts', () => {
    for (const code of ['310118', '310117', '310116', '320509', '320583', '330421', '330482', '340100', '341100', '340800', '310000']) {
      expect(isKnownDivision(code)).toBe(true);
    }
    expect(divisionFullName('310118')).toBe('上海市青浦区');
    expect(divisionFullName('330421')).toBe('浙江省嘉兴市嘉善县');
  });

  it('prefers the current name when a code was reused', () => {
    expect(lookupDivision('330402')?.name).toBe('南湖区');
  });

  it('answers "is this a code" from the compact list exactly as the full table would (regenerate: tools/division-codes.ts)', () => {
    const table = currentDivisions().map((d) => d.code);
    expect(decodeDivisionCodes(DIVISION_CODE_GROUPS)).toEqual(new Set(table));
    expect(encodeDivisionCodes(table)).toEqual(DIVISION_CODE_GROUPS);
    for (const code of [...table, ...HISTORICAL_DIVISIONS.map((h) => h.code)]) expect(isKnownDivision(code)).toBe(true);
    for (const code of ['310199', '999999', '110100x', '']) expect(isKnownDivision(code)).toBe(lookupDivision(code) !== undefined);
  });

  it('loads the names once, on first use', async () => {
    const first = await loadDivisionNames();
    expect(await loadDivisionNames()).toBe(first);
    expect(first.divisionFullName('310118')).toBe('上海市青浦区');
    expect(first.lookupDivision).toBe(lookupDivision);
  });
});
