import type { OfficerRef } from '@shared/domain/officer';
import type { PersonInput, PersonRow } from '@shared/domain/resident/person';
import type { RegisteredItems } from '@shared/migration/model';
import type { CommandScope } from '@renderer/sync';
import { recordsService as records } from '@renderer/features/records';

/**
 * What migration takes from the resident records (issue 3's service): find a person by ID number, households,
 * mark a person 迁出, settle a person. Inside a migration command, reads are given its transaction and writes its
 * scope (`within`), so they run in the same transaction whatever Dexie's zone shows.
 */
export const RECORDS_TABLES_FOR_MIGRATION: readonly string[] = records.RECORDS_WRITE_TABLES;

export const findPersonByIdNumber = records.findPersonByIdNumber;
/** Awaited before a migration command that settles persons: what records' person writes load (see records). */
export const prepareSettle = records.prepareRecordsWrites;
export const householdById = records.getHousehold;
export const householdMembers = records.getHouseholdMembers;
export const searchHouseholds = records.listHouseholds;

/** The certificate's items, from the origin's own record of the person. */
export function registeredItemsOf(p: PersonRow): RegisteredItems {
  return {
    name: p.name,
    formerName: p.formerNames,
    sex: p.sex,
    ethnicity: p.ethnicity,
    birthDate: p.birthDate,
    idNumber: p.idNumber,
    birthPlace: p.birthPlace,
    nativePlace: p.nativePlace,
    education: p.education,
    maritalStatus: p.marital,
    occupation: p.occupation,
    workplace: p.workplace,
    relationshipToHouseholder: p.relationship,
  };
}

/** 迁出: the record stays, marked moved out with date, destination and certificate number. */
export function markMovedOut(personId: string, move: { date: string; destination: string; certificateNumber: string }, officer: OfficerRef, within: CommandScope): Promise<PersonRow> {
  return records.markPersonMovedOut(personId, { ...move, reason: '跨省户口迁出' }, officer, within);
}

export interface Settler {
  items: RegisteredItems;
  relationship: string;
  /** 联系电话: the applicant's, from the intake; '' for co-movers. */
  phone: string;
  originAddress: string;
  date: string;
  certificateNumber: string;
}

function personInputOf(s: Settler): PersonInput {
  return {
    name: s.items.name,
    formerNames: s.items.formerName,
    relationship: s.relationship,
    sex: s.items.sex,
    ethnicity: s.items.ethnicity,
    birthDate: s.items.birthDate,
    idNumber: s.items.idNumber,
    birthPlace: s.items.birthPlace,
    nativePlace: s.items.nativePlace,
    education: s.items.education,
    marital: s.items.maritalStatus,
    occupation: s.items.occupation,
    workplace: s.items.workplace,
    movedToCityDate: s.date,
    movedToCityFrom: s.originAddress,
    movedToAddressDate: s.date,
    movedToAddressFrom: s.originAddress,
    height: null,
    phone: s.phone,
  };
}

/** 落户 from the certificate's data: a new person in the household, or the registered one updated and moved in. */
export function settlePerson(householdId: string, s: Settler, officer: OfficerRef, within: CommandScope): Promise<PersonRow> {
  return records.settlePerson(householdId, personInputOf(s), officer, `跨省户口迁移落户（迁移证 ${s.certificateNumber}）`, within);
}

export const getPerson = records.getPerson;
