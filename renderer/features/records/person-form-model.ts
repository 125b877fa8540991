import { personFieldNames, type PersonFieldName, type PersonRow } from '@shared/domain/resident/person';
import { parseCitizenId } from '@shared/validation/citizen-id';

/** The person form edits every field as text; the shared schema turns it into typed values on save. */
export type PersonFormModel = Record<PersonFieldName, string>;

export function blankPerson(): PersonFormModel {
  const model = Object.fromEntries(personFieldNames.map((f) => [f, ''])) as PersonFormModel;
  model.ethnicity = '01';
  return model;
}

export function personToForm(p: PersonRow): PersonFormModel {
  const model = blankPerson();
  for (const f of personFieldNames) model[f] = p[f] === null || p[f] === undefined ? '' : String(p[f]);
  return model;
}

/** Fills birth date and sex from a valid ID number where the officer has not typed them yet. */
export function fillFromIdNumber(model: PersonFormModel): void {
  const parsed = parseCitizenId(model.idNumber);
  if (!parsed.ok) return;
  if (model.birthDate === '') model.birthDate = parsed.info.birthDate;
  if (model.sex === '') model.sex = parsed.info.sex === 'male' ? '1' : '2';
}

/** Layout of the form: [field, kind, required]; the order is the tab order. */
export type FieldKind = 'text' | 'date' | 'code';
export interface FieldSpec {
  field: PersonFieldName;
  kind: FieldKind;
  required?: boolean;
  table?: 'sex' | 'ethnicity' | 'relationship' | 'education' | 'marital' | 'military' | 'bloodType';
}

export const personFormLayout: FieldSpec[] = [
  { field: 'name', kind: 'text', required: true },
  { field: 'idNumber', kind: 'text', required: true },
  { field: 'sex', kind: 'code', table: 'sex', required: true },
  { field: 'birthDate', kind: 'date', required: true },
  { field: 'ethnicity', kind: 'code', table: 'ethnicity', required: true },
  { field: 'relationship', kind: 'code', table: 'relationship', required: true },
  { field: 'formerNames', kind: 'text' },
  { field: 'phone', kind: 'text' },
  { field: 'birthPlace', kind: 'text' },
  { field: 'nativePlace', kind: 'text' },
  { field: 'education', kind: 'code', table: 'education' },
  { field: 'marital', kind: 'code', table: 'marital' },
  { field: 'military', kind: 'code', table: 'military' },
  { field: 'religion', kind: 'text' },
  { field: 'height', kind: 'text' },
  { field: 'bloodType', kind: 'code', table: 'bloodType' },
  { field: 'workplace', kind: 'text' },
  { field: 'occupation', kind: 'text' },
  { field: 'otherAddress', kind: 'text' },
  { field: 'movedToCityDate', kind: 'date' },
  { field: 'movedToCityFrom', kind: 'text' },
  { field: 'movedToAddressDate', kind: 'date' },
  { field: 'movedToAddressFrom', kind: 'text' },
];
