import { describe, expect, it } from 'vitest';
import { generateDemoResidents, type DemoResidentOptions } from '@shared/demo/residents';
import { personRow } from '@shared/domain/resident/person';
import { householdRow } from '@shared/domain/resident/household';
import { parseCitizenId } from '@shared/validation/citizen-id';

const options: DemoResidentOptions = {
  stationCode: '320509520000',
  stationDistrictCode: '320509',
  households: 400,
  seed: 7,
  officer: { province: '320000', policeNumber: '123456', name: '张警官' },
  today: '2026-11-23',
};

describe('demo residents', () => {
  const all = [...generateDemoResidents(options)];
  const persons = all.flatMap((h) => h.persons);

  it('is deterministic for a seed and differs between seeds', () => {
    expect([...generateDemoResidents(options)]).toEqual(all);
    const other = [...generateDemoResidents({ ...options, seed: 8 })];
    expect(other[0]?.persons[0]?.name).not.toBe(undefined);
    expect(other.map((h) => h.household.address)).not.toEqual(all.map((h) => h.household.address));
  });

  it('produces rows that satisfy the schemas, with valid, unique ID numbers matching sex and birth date', () => {
    const today = new Date('2026-11-23T12:00:00Z');
    for (const { household, persons: members } of all) {
      householdRow.parse(household);
      expect(members[0]?.relationship).toBe('02');
      for (const p of members) {
        personRow.parse(p);
        const id = parseCitizenId(p.idNumber, today);
        expect(id.ok, p.idNumber).toBe(true);
        if (id.ok) {
          expect(id.info.birthDate).toBe(p.birthDate);
          expect(id.info.sex === 'male' ? '1' : '2').toBe(p.sex);
        }
      }
    }
    expect(new Set(persons.map((p) => p.idNumber)).size).toBe(persons.length);
  });

  it('places households in the station district and uses the old 吴江市 code for people registered before 2012', () => {
    expect(all.every((h) => h.household.address.startsWith('江苏省苏州市吴江区'))).toBe(true);
    expect(persons.some((p) => p.idNumber.startsWith('320584'))).toBe(true);
    expect(persons.filter((p) => p.idNumber.startsWith('320584')).every((p) => p.birthDate < '2012')).toBe(true);
    expect(persons.length / all.length).toBeGreaterThan(2);
  });
});
