import { describe, expect, it } from 'vitest';
import { type ZodError } from 'zod';
import { personInput, type PersonRow } from '@shared/domain/resident/person';
import { nameKeys } from '@shared/domain/resident/name-keys';
import { personTerms } from '@shared/domain/resident/search-keys';
import { recordsErrors, RecordsRuleError } from '@renderer/features/records/errors';
import { defaultStatement } from '@renderer/features/records/certificate-text';
import { blankPerson, fillFromIdNumber, personFormLayout, personToForm } from '@renderer/features/records/person-form-model';
import { detectMode } from '@renderer/features/records/search';
import { fieldErrors, registerErrors } from '@renderer/platform/ui';

const officer = { province: '310000' as const, policeNumber: '010203', name: '李警官' };

function row(): PersonRow {
  const fields = personInput.parse({ ...blankPerson(), name: '汪雨天', formerNames: '汪雨添', relationship: '02', sex: '2', birthDate: '1949-12-31', idNumber: '11010519491231002X', height: '160' });
  return {
    ...fields,
    id: 'p1',
    householdId: 'h1',
    personNo: 1,
    status: { code: 'movedOut', date: '2026-11-20', reason: '跨省迁出', reference: 'QY-1', destination: '浙江省嘉兴市嘉善县' },
    registeredAt: '2026-01-01T00:00:00.000Z',
    registeredBy: officer,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...nameKeys(fields.name),
    terms: personTerms(fields),
  };
}

describe('person form model', () => {
  it('fills birth date and sex from a valid ID only where they are empty', () => {
    const model = blankPerson();
    model.idNumber = '11010519491231002x';
    fillFromIdNumber(model);
    expect([model.birthDate, model.sex]).toEqual(['1949-12-31', '2']);
    const typed = { ...blankPerson(), idNumber: '11010519491231002X', birthDate: '1950-01-01', sex: '1' };
    fillFromIdNumber(typed);
    expect([typed.birthDate, typed.sex]).toEqual(['1950-01-01', '1']);
    const bad = { ...blankPerson(), idNumber: '110105194912310021' };
    fillFromIdNumber(bad);
    expect(bad.birthDate).toBe('');
  });

  it('round-trips a stored person through the form as text, and the layout covers every field once', () => {
    const form = personToForm(row());
    expect(form.height).toBe('160');
    expect(personInput.parse(form).height).toBe(160);
    const fields = personFormLayout.map((s) => s.field);
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields.sort()).toEqual(Object.keys(blankPerson()).sort());
  });

  it('maps zod and rule errors to the field they belong beside', () => {
    const zod = personInput.safeParse({ ...blankPerson(), idNumber: '1' });
    expect(zod.success).toBe(false);
    expect(fieldErrors(zod.error as ZodError)).toMatchObject({
      name: { rule: 'required' },
      idNumber: { rule: 'idNumber.format' },
      relationship: { rule: 'required' },
    });
    const unregister = registerErrors(recordsErrors);
    expect(fieldErrors(new RecordsRuleError('householdNumberTaken', 'number'))).toEqual({ number: { rule: 'records.errors.householdNumberTaken', params: {} } });
    unregister();
    expect(fieldErrors(new Error('x'))).toBeNull();
  });
});

describe('certificate statements and search mode detection', () => {
  it('proposes the certified statement from the record', () => {
    expect(defaultStatement('sameperson', row())).toBe('曾用名“汪雨添”与现用名“汪雨天”系同一人。');
    expect(defaultStatement('movedOut', row())).toBe('汪雨天的户口已于2026-11-20迁出，迁往浙江省嘉兴市嘉善县（QY-1）。');
  });

  it('detects what the search text is', () => {
    expect(detectMode('310118')).toBe('idNumber');
    expect(detectMode('3101')).toBe('idTail');
    expect(detectMode('11010519491231002x')).toBe('idNumber');
    expect(detectMode('wyt')).toBe('pinyin');
    expect(detectMode('汪雨')).toBe('name');
    expect(detectMode('  ')).toBe('all');
  });
});
