import { useLiveQuery } from '@renderer/platform/db';
import type { CertificateRow } from '@shared/domain/resident/certificate';
import type { HouseholdRow } from '@shared/domain/resident/household';
import type { PersonChange, PersonRow } from '@shared/domain/resident/person';
import { householdMembers } from './search';
import { certificatesTable, householdsTable, personChangesTable, personsTable } from './tables';

/**
 * The records' reads for the screens, as liveQuery composables (they follow every change, in this window or
 * another). Searching and household pickers are in search.ts (re-exported here); writes are in commands.ts.
 */
export { findHouseholds, householdMembers, searchModes, searchPersons } from './search';
export type { PersonListItem, SearchMode, SearchQuery, SearchResult } from './search';
export { nextHouseholdNumber, searchHouseholds } from './household-search';
export type { HouseholdListItem, HouseholdMode, HouseholdQuery, HouseholdResult } from './household-search';

type Id = () => string;

export function certificatesOf(personId: string): Promise<CertificateRow[]> {
  return certificatesTable().where('personId').equals(personId).reverse().sortBy('issuedAt');
}

export async function hasAnyPerson(): Promise<boolean> {
  return (await personsTable().limit(1).count()) > 0;
}

/** Whether the station holds any record: a household with no member yet counts (it is listed under 户). */
export async function hasAnyRecord(): Promise<boolean> {
  return (await householdsTable().limit(1).count()) > 0 || hasAnyPerson();
}

/** A person's 常住人口登记表: the person, the household, the change log (newest first) and the certificates. */
export function usePersonRecord(id: Id) {
  return {
    person: useLiveQuery<PersonRow | undefined>(() => personsTable().get(id()), [id]).value,
    household: useLiveQuery<HouseholdRow | undefined>(async () => {
      const p = await personsTable().get(id());
      return p ? householdsTable().get(p.householdId) : undefined;
    }, [id]).value,
    changes: useLiveQuery<PersonChange[]>(async () => (await personChangesTable().where('personId').equals(id()).sortBy('at')).reverse(), [id]).value,
    certificates: useLiveQuery<CertificateRow[]>(() => certificatesOf(id()), [id]).value,
  };
}

/** A household (户) and its members in 户口簿 order. */
export function useHousehold(id: Id) {
  return {
    household: useLiveQuery<HouseholdRow | undefined>(() => householdsTable().get(id()), [id]).value,
    members: useLiveQuery<PersonRow[]>(() => householdMembers(id()), [id]).value,
  };
}

export const useCertificate = (id: Id) => useLiveQuery<CertificateRow | undefined>(() => certificatesTable().get(id()), [id]).value;
