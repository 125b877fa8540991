import { toCsv, type CsvValue } from '@shared/csv';
import { codeName, type CodeTableName } from '@shared/domain/resident/code-tables';
import { IMPORT_FIELDS, IMPORT_HEADERS, type ImportField } from '@shared/domain/resident/import/columns';
import type { HouseholdRow } from '@shared/domain/resident/household';
import type { PersonRow } from '@shared/domain/resident/person';
import { maskCitizenId, maskPhone } from '@shared/validation/citizen-id';
import { householdsTable, personsTable } from '../tables';

/**
 * The station's register as a CSV of the export's own columns (the canonical header of each import field), so a
 * full export imports again unchanged. Registered (在册) persons, household by household. Masked by default: ID
 * numbers and phones as the lists show them; full numbers only when the caller has a reason (the store checks it
 * and audits the export like revealing a number). Coded fields are written as their Chinese names, as the
 * population system's own export does.
 */
export const EXPORT_COLUMNS: readonly ImportField[] = IMPORT_FIELDS;
export const exportHeaders = (): string[] => EXPORT_COLUMNS.map((f) => IMPORT_HEADERS[f][0] ?? f);

const CODED: Partial<Record<ImportField, CodeTableName>> = {
  relationship: 'relationship', sex: 'sex', ethnicity: 'ethnicity', bloodType: 'bloodType', education: 'education',
  marital: 'marital', military: 'military', householdKind: 'householdKind',
};

const whenFrom = (date: string, from: string) => [date, from].filter((x) => x !== '').join(' ');

function cell(field: ImportField, person: PersonRow, household: HouseholdRow | undefined, head: PersonRow | undefined, full: boolean): CsvValue {
  const coded = CODED[field];
  switch (field) {
    case 'householdNumber':
      return household?.number ?? '';
    case 'personNo':
      return person.personNo;
    case 'householdKind':
    case 'address':
      return field === 'address' ? (household?.address ?? '') : codeName('householdKind', household?.kind ?? '');
    case 'householder':
      return head?.name ?? '';
    case 'idNumber':
      return full ? person.idNumber : maskCitizenId(person.idNumber);
    case 'phone':
      return full ? person.phone : maskPhone(person.phone);
    case 'movedToCity':
      return whenFrom(person.movedToCityDate, person.movedToCityFrom);
    case 'movedToAddress':
      return whenFrom(person.movedToAddressDate, person.movedToAddressFrom);
    case 'height':
      return person.height ?? '';
    default:
      return coded ? codeName(coded, person[field]) : person[field];
  }
}

/** One person's row of the register export (the bench writes its 200,000-person file with it too). */
export const exportRow = (person: PersonRow, household: HouseholdRow | undefined, head: PersonRow | undefined, full: boolean): CsvValue[] =>
  EXPORT_COLUMNS.map((f) => cell(f, person, household, head, full));

export async function registerCsv(full: boolean): Promise<{ text: string; rows: number }> {
  const [households, persons] = await Promise.all([householdsTable().toArray(), personsTable().toArray()]);
  const byId = new Map(households.map((h) => [h.id, h]));
  const registered = persons.filter((p) => p.status.code === 'registered');
  const personById = new Map(registered.map((p) => [p.id, p]));
  registered.sort((a, b) => (byId.get(a.householdId)?.number ?? '').localeCompare(byId.get(b.householdId)?.number ?? '') || a.personNo - b.personNo);
  const body = registered.map((p) => {
    const household = byId.get(p.householdId);
    const head = household?.householderId ? personById.get(household.householderId) : undefined;
    return exportRow(p, household, head, full);
  });
  return { text: toCsv([exportHeaders(), ...body]), rows: body.length };
}
