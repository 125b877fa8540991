import dayjs from 'dayjs';
import { officerKey, type OfficerRef } from '@shared/domain/officer';
import type { HouseholdRow } from '@shared/domain/resident/household';
import { personInput, type PersonInput, type PersonRow } from '@shared/domain/resident/person';
import { normalizeCitizenId } from '@shared/validation/citizen-id';
import { db, type TableSource } from '@renderer/platform/db';
import { appendAudit } from '@renderer/platform/audit';
import type { CommandScope } from '@renderer/sync';
import { useSessionStore } from '@renderer/platform/session';
import { assertDemoStation, useStationStore } from '@renderer/platform/station';
import { bulkLoadHouseholds, type Progress } from './bulk-load';
import { createPerson, movePerson, prepareRecordsWrites, setPersonStatus, updatePerson, RECORDS_WRITE_TABLES, type Actor } from './commands';
import { findHouseholds, householdMembers } from './search';
import { householdsTable, personsTable, RECORDS_TABLES } from './tables';

/**
 * The records API other features call (migration: find, mark moved out, settle; first run: demo data).
 * These functions do not check permissions: the calling feature checks its own action (e.g. migration.settle)
 * with the session store before calling. Writes are commands; given `within` (the caller's command, whose tables
 * include RECORDS_WRITE_TABLES) they run inside it, and reads given its transaction read through it.
 */
export { RECORDS_TABLES, RECORDS_WRITE_TABLES, prepareRecordsWrites };
export type { PersonRow, HouseholdRow, PersonInput };
export { RecordsRuleError } from './errors';

function actorFor(officer: OfficerRef): Actor {
  return { officer: { ...officer }, stationCode: useStationStore().identity.code };
}

/** The registered (在册) person with this ID number, else the latest archived one; undefined if none. */
export async function findPersonByIdNumber(idNumber: string, source: TableSource = db()): Promise<PersonRow | undefined> {
  const rows = await personsTable(source).where('idNumber').equals(normalizeCitizenId(idNumber)).toArray();
  return rows.find((p) => p.status.code === 'registered') ?? rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

export const getPerson = (id: string, source: TableSource = db()): Promise<PersonRow | undefined> => personsTable(source).get(id);
export const getHousehold = (id: string, source: TableSource = db()): Promise<HouseholdRow | undefined> => householdsTable(source).get(id);
export const getHouseholdMembers = householdMembers;

/** Households by number prefix or address fragment (empty query: the first by number). */
export function listHouseholds(query: string, limit = 20): Promise<HouseholdRow[]> {
  return findHouseholds(query, limit);
}

export interface MovedOut {
  date: string;
  destination: string;
  /** 户口迁移证 number. */
  certificateNumber: string;
  reason: string;
}

/** 迁出注销: the record stays (archived), its status 迁出 carries date, destination and certificate number. */
export function markPersonMovedOut(personId: string, moved: MovedOut, officer: OfficerRef, within?: CommandScope): Promise<PersonRow> {
  return setPersonStatus(
    personId,
    { code: 'movedOut', date: moved.date, reason: moved.reason, reference: moved.certificateNumber, destination: moved.destination },
    actorFor(officer),
    within,
  );
}

/**
 * 落户 from a migration certificate: a new person in `householdId`, or, if the ID number is already registered
 * here, that person updated and moved into the household. Throws ZodError on invalid data. Inside the caller's
 * command (`within`), `prepareRecordsWrites()` must have finished before that command opened.
 */
export async function settlePerson(householdId: string, personData: PersonInput, officer: OfficerRef, reason = '跨省户口迁移落户', within?: CommandScope): Promise<PersonRow> {
  const fields = personInput.parse(personData);
  const source = within?.tx ?? db();
  const existing = await findPersonByIdNumber(fields.idNumber, source);
  const actor = actorFor(officer);
  if (!existing || existing.status.code !== 'registered') return createPerson(householdId, personData, actor, within);
  await updatePerson(existing.id, personData, reason, actor, within);
  if (existing.householdId === householdId) return (await personsTable(source).get(existing.id)) ?? existing;
  return movePerson(existing.id, householdId, fields.relationship, reason, actor, within);
}

export interface SeedOptions {
  /** Defaults to this station's district. */
  stationDistrictCode?: string;
  households: number;
  seed?: number;
  onProgress?: Progress;
}

const DEMO_OFFICER_NUMBER = '000000';

/** Loads deterministic demo households and persons for a district (used by first run, tests and benchmarks). */
export async function seedDemoResidents(options: SeedOptions): Promise<{ households: number; persons: number }> {
  // Demo residents only ever on a demo station (issue 14 §1): a provisioned or development station refuses.
  await assertDemoStation();
  const station = useStationStore().identity;
  const signedIn = useSessionStore().officer;
  // A plain copy of the signed-in officer (the session's is a reactive proxy, which IndexedDB cannot store).
  const officer: OfficerRef = signedIn ? { ...signedIn.ref } : { province: station.province, policeNumber: DEMO_OFFICER_NUMBER, name: '演示数据' };
  // The generator carries the demo name lists, pinyin-pro and the division table: loaded only when demo data is.
  const { generateDemoResidents } = await import('@shared/demo/residents');
  const source = generateDemoResidents({
    stationCode: station.code,
    stationDistrictCode: options.stationDistrictCode ?? station.districtCode,
    households: options.households,
    seed: options.seed ?? 1,
    officer,
    today: dayjs().format('YYYY-MM-DD'),
  });
  const result = await bulkLoadHouseholds(source, options.households, options.onProgress);
  await appendAudit({ station: station.code, officer: officerKey(officer), action: 'demo.load', object: 'records', result: 'success', detail: `${result.households}/${result.persons}` });
  return result;
}
