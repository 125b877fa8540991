import { describe, expect, it } from 'vitest';
import { changedFields, personInput, type PersonInput } from '@shared/domain/resident/person';
import { householdInput } from '@shared/domain/resident/household';
import { addressGrams, loadNameKeys } from '@shared/domain/resident/search-keys';
import { nameKeys } from '@shared/domain/resident/name-keys';
import { codeName, ETHNICITY_CODES } from '@shared/domain/resident/code-tables';

export const validPerson: PersonInput = {
  name: '汪雨天',
  relationship: '02',
  sex: '2',
  ethnicity: '01',
  birthDate: '1949-12-31',
  idNumber: '11010519491231002x',
};

function issues(input: PersonInput): Record<string, string> {
  const result = personInput.safeParse(input);
  if (result.success) return {};
  const first: Record<string, string> = {};
  for (const i of result.error.issues) first[String(i.path[0])] ??= i.message;
  return first;
}

describe('person form rules', () => {
  it('accepts a complete person and normalises the ID number', () => {
    const parsed = personInput.parse(validPerson);
    expect(parsed.idNumber).toBe('11010519491231002x'.toUpperCase());
    expect(parsed.height).toBeNull();
    expect(parsed.formerNames).toBe('');
  });

  it('reports each broken field under its own name with a message key', () => {
    expect(issues({ ...validPerson, name: '', idNumber: '110105194912310021', phone: '12345' })).toEqual({
      name: 'required',
      idNumber: 'idNumber.checksum',
      phone: 'phone',
    });
  });

  it('requires sex and birth date to agree with the ID number', () => {
    expect(issues({ ...validPerson, sex: '1', birthDate: '1949-12-30' })).toEqual({ sex: 'sexMismatch', birthDate: 'birthDateMismatch' });
  });

  it('checks coded fields against the national tables', () => {
    expect(issues({ ...validPerson, ethnicity: '57', marital: '99' })).toMatchObject({ ethnicity: 'required', marital: 'required' });
    expect(ETHNICITY_CODES).toHaveLength(58);
    expect(codeName('ethnicity', '56')).toBe('基诺族');
    expect(codeName('marital', '20', 'en')).toBe('Married');
  });

  it('lists the fields that changed', () => {
    const before = personInput.parse(validPerson);
    const after = personInput.parse({ ...validPerson, occupation: '教师', height: '165' });
    expect(changedFields(before, after)).toEqual(['height', 'occupation']);
  });
});

describe('household form rules', () => {
  it('validates number, address and district', () => {
    const result = householdInput.safeParse({ number: '12a', kind: 'family', address: '上', divisionCode: '3101', issueDate: '2026-01-01' });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path[0]);
    expect(paths).toEqual(['number', 'address', 'divisionCode']);
  });
});

describe('search keys', () => {
  it('stores full pinyin and initials so `wyt` finds 汪雨天', () => {
    expect(nameKeys('汪雨天')).toEqual({ sortKey: 'wangyutian 汪雨天', py: ['wangyutian', 'wyt'] });
  });

  it('reads surnames with their surname pronunciation', () => {
    expect(nameKeys('曾乐').py).toContain('zengle');
    expect(nameKeys('单雨').py[0]).toBe('shanyu');
  });

  it('indexes address bigrams', () => {
    expect(addressGrams('金泽镇 12号')).toEqual(['金泽', '泽镇', '镇1', '12', '2号']);
    expect(addressGrams('上海市青浦区金泽镇12号', '上海市青浦区')).toEqual(['金泽', '泽镇', '镇1', '12', '2号']);
  });

  it('loads the pinyin module once, on first use (it is not part of the first screen)', async () => {
    const first = await loadNameKeys();
    expect(await loadNameKeys()).toBe(first);
    expect(first.nameKeys).toBe(nameKeys);
  });
});
