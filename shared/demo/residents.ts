import dayjs from 'dayjs';
import type { OfficerRef } from '../domain/officer';
import type { HouseholdRow } from '../domain/resident/household';
import type { PersonRow } from '../domain/resident/person';
import { addressGrams, personTerms } from '../domain/resident/search-keys';
import { nameKeys } from '../domain/resident/name-keys';
import { checkCharacter } from '../validation/citizen-id';
import { divisionFullName } from '../validation/division-names';
import { createRng, type Rng } from './prng';
import {
  DEMO_DISTRICTS,
  GIVEN_FEMALE,
  GIVEN_MALE,
  MIGRANT_BIRTH_CODES,
  OCCUPATIONS,
  ROAD_NAMES,
  SURNAMES,
  VILLAGE_KINDS,
  VILLAGE_NAMES,
  WORKPLACES,
  type DemoDistrict,
} from './resident-places';

/**
 * Deterministic demo households and persons for a border district: realistic names, addresses, valid ID numbers
 * (historical address codes for people registered before a district was renamed). Same seed, same data.
 */
export interface DemoResidentOptions {
  stationCode: string;
  stationDistrictCode: string;
  households: number;
  seed: number;
  officer: OfficerRef;
  /** YYYY-MM-DD: ages and registration dates are relative to it, so output does not depend on the clock. */
  today: string;
}

export interface DemoHousehold {
  household: HouseholdRow;
  persons: PersonRow[];
}

interface Member {
  relationship: string;
  sex: '1' | '2';
  age: number;
  surname: string;
}

function districtFor(code: string): DemoDistrict {
  return DEMO_DISTRICTS.find((d) => d.code === code) ?? { code, fullName: divisionFullName(code), towns: ['城关镇', '新城街道', '东街道'] };
}

/** Hands out unique ID sequence numbers per address code and birth date, odd for men and even for women. */
class IdSequencer {
  private readonly used = new Map<string, number>();
  next(prefix: string, sex: '1' | '2', rng: Rng): string {
    const count = this.used.get(prefix + sex) ?? rng.int(0, 40);
    this.used.set(prefix + sex, count + 1);
    const sequence = (count * 2 + (sex === '1' ? 1 : 0)) % 1000;
    const body = `${prefix}${String(sequence).padStart(3, '0')}`;
    return body + checkCharacter(body);
  }
}

function householdMembers(rng: Rng): Member[] {
  const surname = rng.pick(SURNAMES);
  const headSex = rng.chance(0.7) ? '1' : '2';
  const headAge = rng.int(24, 82);
  const members: Member[] = [{ relationship: '02', sex: headSex, age: headAge, surname }];
  if (rng.chance(0.72)) {
    members.push({ relationship: headSex === '1' ? '12' : '11', sex: headSex === '1' ? '2' : '1', age: Math.max(20, headAge + rng.int(-5, 5)), surname: rng.pick(SURNAMES) });
  }
  const children = headAge < 26 ? 0 : rng.int(0, 2);
  for (let i = 0; i < children; i += 1) {
    const sex = rng.chance(0.52) ? '1' : '2';
    members.push({ relationship: sex === '1' ? '20' : '30', sex, age: Math.max(0, headAge - rng.int(22, 34)), surname });
  }
  if (headAge < 50 && rng.chance(0.2)) members.push({ relationship: rng.chance(0.5) ? '51' : '52', sex: '1', age: headAge + rng.int(24, 32), surname });
  const last = members[members.length - 1];
  if (last && last.relationship === '52') last.sex = '2';
  return members;
}

function givenName(rng: Rng, sex: '1' | '2'): string {
  const pool = sex === '1' ? GIVEN_MALE : GIVEN_FEMALE;
  return rng.chance(0.25) ? rng.pick(pool) : rng.pick(pool) + rng.pick(pool);
}

function birthCode(rng: Rng, district: DemoDistrict, year: number): string {
  if (rng.chance(0.22)) return rng.pick(MIGRANT_BIRTH_CODES);
  return district.formerCode && year < district.formerCode.until ? district.formerCode.code : district.code;
}

function address(rng: Rng, district: DemoDistrict): string {
  const town = rng.pick(district.towns);
  if (rng.chance(0.6)) return `${district.fullName}${town}${rng.pick(VILLAGE_NAMES)}${rng.pick(VILLAGE_KINDS)}${rng.int(1, 399)}号`;
  return `${district.fullName}${town}${rng.pick(ROAD_NAMES)}${rng.int(1, 999)}弄${rng.int(1, 80)}号${rng.int(101, 1802)}室`;
}

interface PersonContext {
  rng: Rng;
  options: DemoResidentOptions;
  district: DemoDistrict;
  ids: IdSequencer;
  householdId: string;
  registeredAt: string;
}

function person(ctx: PersonContext, m: Member, index: number): PersonRow {
  const { rng, options } = ctx;
  const birth = dayjs(options.today).subtract(m.age, 'year').subtract(rng.int(0, 364), 'day');
  const code = birthCode(rng, ctx.district, birth.year());
  const idNumber = ctx.ids.next(`${code}${birth.format('YYYYMMDD')}`, m.sex, rng);
  const name = m.surname + givenName(rng, m.sex);
  const adult = m.age >= 18;
  const movedIn = code !== ctx.district.code && code !== ctx.district.formerCode?.code;
  return {
    id: `${ctx.householdId}-p${index + 1}`,
    householdId: ctx.householdId,
    personNo: index + 1,
    name,
    formerNames: rng.chance(0.04) ? m.surname + givenName(rng, m.sex) : '',
    relationship: m.relationship,
    sex: m.sex,
    ethnicity: rng.chance(0.97) ? '01' : rng.pick(['03', '11', '22', '08']),
    birthDate: birth.format('YYYY-MM-DD'),
    idNumber,
    birthPlace: divisionFullName(code),
    nativePlace: divisionFullName(code),
    otherAddress: '',
    religion: '',
    height: adult ? (m.sex === '1' ? rng.int(160, 185) : rng.int(150, 172)) : null,
    bloodType: rng.pick(['A', 'B', 'O', 'AB', 'O', 'A']),
    education: adult ? rng.pick(['21', '31', '61', '71', '81', '14']) : '',
    marital: !adult ? '' : m.relationship === '02' || m.relationship === '11' || m.relationship === '12' ? '20' : rng.pick(['10', '20']),
    military: adult && m.sex === '1' && rng.chance(0.08) ? '1' : '',
    workplace: adult ? rng.pick(WORKPLACES) : '',
    occupation: adult ? (m.age >= 62 ? '退休' : rng.pick(OCCUPATIONS)) : '学生',
    phone: adult ? `1${rng.pick(['38', '39', '58', '77', '86', '89'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}` : '',
    movedToCityDate: movedIn ? birth.add(rng.int(18, Math.max(18, m.age)), 'year').format('YYYY-MM-DD') : '',
    movedToCityFrom: movedIn ? divisionFullName(code) : '',
    movedToAddressDate: '',
    movedToAddressFrom: '',
    status: { code: 'registered', date: ctx.registeredAt.slice(0, 10), reason: '', reference: '', destination: '' },
    registeredAt: ctx.registeredAt,
    registeredBy: options.officer,
    updatedAt: ctx.registeredAt,
    ...nameKeys(name),
    terms: personTerms({ name, idNumber, birthDate: birth.format('YYYY-MM-DD') }),
  };
}

function household(ctx: PersonContext, index: number): HouseholdRow {
  const text = address(ctx.rng, ctx.district);
  return {
    id: ctx.householdId,
    number: `${ctx.options.stationCode.slice(6, 9)}${String(index + 1).padStart(6, '0')}`,
    kind: ctx.rng.chance(0.97) ? 'family' : 'collective',
    address: text,
    divisionCode: ctx.district.code,
    issueDate: ctx.registeredAt.slice(0, 10),
    stationCode: ctx.options.stationCode,
    householderId: `${ctx.householdId}-p1`,
    createdAt: ctx.registeredAt,
    createdBy: ctx.options.officer,
    updatedAt: ctx.registeredAt,
    grams: addressGrams(text, ctx.district.fullName),
  };
}

/** Yields one household (with its members) at a time, so callers can write in batches and report progress. */
export function* generateDemoResidents(options: DemoResidentOptions): Generator<DemoHousehold> {
  const rng = createRng(options.seed);
  const district = districtFor(options.stationDistrictCode);
  const ids = new IdSequencer();
  for (let i = 0; i < options.households; i += 1) {
    const registeredAt = dayjs(options.today).subtract(rng.int(30, 9000), 'day').format('YYYY-MM-DD') + 'T09:00:00.000Z';
    const ctx: PersonContext = { rng, options, district, ids, householdId: `${options.stationCode}-demo${options.seed}-h${i + 1}`, registeredAt };
    const row = household(ctx, i);
    const persons = householdMembers(rng).map((m, k) => person(ctx, m, k));
    yield { household: row, persons };
  }
}
