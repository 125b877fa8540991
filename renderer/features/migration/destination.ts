import type { HouseholdRow } from '@shared/domain/resident/household';
import type { PersonRow } from '@shared/domain/resident/person';
import type { DraftForm } from './tables';

type Destination = DraftForm['destination'];

/**
 * The intake's destination once a household of this station's records is picked: its 户号 and address, its
 * 户主, and the 投靠人 — most often the householder, so it follows the householder unless the officer typed
 * someone else (a sponsor left empty, or equal to the householder filled before, is replaced).
 */
export function destinationFromHousehold(current: Destination, household: HouseholdRow, householder: Pick<PersonRow, 'name' | 'idNumber'> | undefined): Destination {
  const next: Destination = { ...current, householdId: household.id, householdNo: household.number, address: household.address };
  if (!householder) return next;
  const sponsorFollows = current.sponsorName === '' || current.sponsorName === current.householderName;
  return {
    ...next,
    householderName: householder.name,
    ...(sponsorFollows ? { sponsorName: householder.name, sponsorIdNumber: householder.idNumber } : {}),
  };
}
