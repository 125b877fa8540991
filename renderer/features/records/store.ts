import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Action } from '@shared/domain/permissions';
import type { CertificateInput, CertificateRow } from '@shared/domain/resident/certificate';
import type { HouseholdInput, HouseholdRow } from '@shared/domain/resident/household';
import type { PersonChange, PersonInput, PersonRow, PersonStatus } from '@shared/domain/resident/person';
import { useSessionStore } from '@renderer/platform/session';
import { useStationStore } from '@renderer/platform/station';
import * as repo from './commands';
import { hasAnyPerson, hasAnyRecord, nextHouseholdNumber, searchHouseholds, searchPersons, type HouseholdResult, type SearchMode, type SearchResult } from './queries';
import { seedDemoResidents } from './service';

/**
 * The records screens' store: every write first checks the signed-in officer's permission (refusals are
 * audited by the session store), then runs in one transaction with its audit entry. The officer in change logs
 * and certificates is the signed-in one. The search state lives here so that returning to the list keeps it.
 */
export const useRecordsStore = defineStore('records', () => {
  const session = useSessionStore();
  const station = useStationStore();

  const query = ref({ text: '', mode: 'auto' as SearchMode, page: 0, pageSize: 20 });
  const result = ref<SearchResult | null>(null);
  const searching = ref(false);
  /** Which list the records page shows: persons or households (户). */
  const tab = ref<'persons' | 'households'>('persons');
  const householdQuery = ref({ text: '', page: 0, pageSize: 20 });
  const householdResult = ref<HouseholdResult | null>(null);

  async function actor(action: Action, object: string): Promise<repo.Actor & { stationName: string }> {
    const officer = await session.assertCan(action, object);
    // A plain copy: the session's officer is reactive, and IndexedDB cannot store a Vue proxy.
    const { province, policeNumber, name } = officer.ref;
    return { officer: { province, policeNumber, name }, stationCode: station.identity.code, stationName: station.identity.name };
  }

  async function search(): Promise<void> {
    searching.value = true;
    try {
      result.value = await searchPersons(query.value);
    } finally {
      searching.value = false;
    }
  }

  async function searchHouseholdList(): Promise<void> {
    searching.value = true;
    try {
      householdResult.value = await searchHouseholds(householdQuery.value);
    } finally {
      searching.value = false;
    }
  }

  /** The 户号 the new-household form offers (editable; checked again when saved). */
  const suggestHouseholdNumber = (): Promise<string> => nextHouseholdNumber(station.identity.code);

  const createHousehold = async (input: HouseholdInput): Promise<HouseholdRow> => repo.createHousehold(input, await actor('household.create', 'household'));
  const updateHousehold = async (id: string, input: HouseholdInput): Promise<HouseholdRow> =>
    repo.updateHousehold(id, input, await actor('household.update', `household:${id}`));
  const createPerson = async (householdId: string, input: PersonInput): Promise<PersonRow> =>
    repo.createPerson(householdId, input, await actor('person.create', `household:${householdId}`));
  const updatePerson = async (id: string, input: PersonInput, reason: string): Promise<PersonChange[]> =>
    repo.updatePerson(id, input, reason, await actor('person.update', `person:${id}`));
  const movePerson = async (id: string, target: string, relationship: string, reason: string): Promise<PersonRow> =>
    repo.movePerson(id, target, relationship, reason, await actor('person.move', `person:${id}`));
  const setStatus = async (id: string, status: PersonStatus): Promise<PersonRow> => repo.setPersonStatus(id, status, await actor('person.update', `person:${id}`));
  const issueCertificate = async (personId: string, input: CertificateInput): Promise<CertificateRow> =>
    repo.issueCertificate(personId, input, await actor('certificate.issue', `person:${personId}`));
  const certificatePrinted = async (row: CertificateRow, outcome: string): Promise<void> =>
    repo.recordCertificatePrint(row, await actor('certificate.issue', `certificate:${row.number}`), outcome);

  /** Opening a person's record is audited (who looked at whom). */
  async function openPerson(id: string): Promise<void> {
    await repo.recordAccess('person.view', id, await actor('person.view', `person:${id}`));
  }

  /** Reveals a masked number: asks the caller for a reason, records who, when and why, then returns the value. */
  async function reveal(person: PersonRow, field: 'idNumber' | 'phone', reason: string): Promise<string> {
    const why = reason.trim();
    if (why.length < 2) throw new Error('reason required');
    await repo.recordAccess('person.reveal', person.id, await actor('person.reveal', `person:${person.id}`), `${field}: ${why}`);
    return person[field];
  }

  async function loadDemo(households: number, onProgress?: (done: number, total: number) => void): Promise<{ households: number; persons: number }> {
    await actor('demo.load', 'records');
    return seedDemoResidents({ households, onProgress });
  }

  return {
    query,
    result,
    searching,
    search,
    tab,
    householdQuery,
    householdResult,
    searchHouseholdList,
    suggestHouseholdNumber,
    hasAnyPerson,
    hasAnyRecord,
    createHousehold,
    updateHousehold,
    createPerson,
    updatePerson,
    movePerson,
    setStatus,
    issueCertificate,
    certificatePrinted,
    openPerson,
    reveal,
    loadDemo,
  };
});
