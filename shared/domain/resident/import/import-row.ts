import { z } from 'zod';
import { normalizeCitizenId } from '../../../validation/citizen-id';
import { householdInput, type HouseholdFields } from '../household';
import { personInput, type PersonFields, type PersonInput } from '../person';
import { typedBirthDate } from '../search-keys';
import { codeFromText } from './code-or-name';
import type { ColumnMapping, ImportField } from './columns';

/**
 * One data row of an export → the person and household it describes, checked with the forms' own rules
 * (personInput: GB 11643, code tables, sex and birth date against the ID, document characters; householdInput).
 * Nothing here knows the database: matching and writing are the renderer's.
 */
export interface ImportContext {
  /** The station's district (GB/T 2260): an export row carries no division code of its own. */
  divisionCode: string;
  /** YYYY-MM-DD: the 签发日期 of households the import creates. */
  today: string;
}

/** A refused row's problem: the field (an ImportField, or `row` for the row as a whole) and a rule key. */
export const rowIssue = z.object({
  field: z.string().max(40),
  rule: z.string().max(80),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type RowIssue = z.infer<typeof rowIssue>;

export interface ImportHousehold {
  number: string;
  kind: HouseholdFields['kind'];
  address: string;
  divisionCode: string;
  issueDate: string;
}

export interface ValidRow {
  ok: true;
  person: PersonFields;
  /** 人号 as the export gives it; null when the column is absent or empty (the next free one is assigned). */
  personNo: number | null;
  household: ImportHousehold;
}
export interface RefusedRow {
  ok: false;
  issues: RowIssue[];
}
export type CheckedRow = ValidRow | RefusedRow;

/** A date as exports write it (1994-03-15, 19940315, 1994/3/15, 1994年3月15日) as YYYY-MM-DD; else the text as is. */
export function isoFromTyped(text: string): string {
  const value = text.trim();
  if (value === '') return '';
  const compact = typedBirthDate(value.replace(/\//g, '-').replace(/\s.*$/, ''));
  return compact ? `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}` : value;
}

/** 何时由何地迁来本址 (`2001-03-05 上海市青浦区…`, `2001年3月5日由…迁来`): the leading date and the place after it. */
export function splitWhenFrom(text: string): { date: string; from: string } {
  const value = text.trim();
  const m = /^(\d{4}(?:[-./]\d{1,2}[-./]\d{1,2}|年\d{1,2}月\d{1,2}日|\d{4}))\s*(?:[由从自]\s*)?(.*?)(?:\s*迁来)?$/u.exec(value);
  if (!m) return { date: '', from: value };
  const date = isoFromTyped(m[1] ?? '');
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date, from: (m[2] ?? '').trim() } : { date: '', from: value };
}

/** A row's cells by field (the mapping's columns; a field without a column reads as empty). */
export function cellsByField(cells: readonly string[], mapping: ColumnMapping): Partial<Record<ImportField, string>> {
  const out: Partial<Record<ImportField, string>> = {};
  mapping.forEach((field, i) => {
    if (field !== null && out[field] === undefined) out[field] = (cells[i] ?? '').trim();
  });
  return out;
}

const ruleOf = (issue: z.core.$ZodIssue): RowIssue => {
  const keyLike = /^[A-Za-z][\w-]*(\.[\w-]+)*$/.test(issue.message);
  const params: Record<string, number> = {};
  if (issue.code === 'too_big') params.maximum = Number(issue.maximum);
  if (issue.code === 'too_small') params.minimum = Number(issue.minimum);
  const rule = keyLike ? issue.message : issue.code === 'too_big' ? 'tooLong' : issue.code === 'too_small' || issue.code === 'invalid_type' ? 'required' : 'invalid';
  return { field: String(issue.path[0] ?? 'row'), rule, params };
};

/** Person form field → the import column it comes from (for the refused-rows list). */
const PERSON_FIELD_COLUMN: Readonly<Record<string, ImportField>> = {
  movedToCityDate: 'movedToCity',
  movedToCityFrom: 'movedToCity',
  movedToAddressDate: 'movedToAddress',
  movedToAddressFrom: 'movedToAddress',
};
const HOUSEHOLD_FIELD_COLUMN: Readonly<Record<string, ImportField>> = { number: 'householdNumber', kind: 'householdKind', address: 'address' };

/**
 * The issue named by the file's column; a coded column holding text that is no code or name is `choice` (the
 * form's own rule says `required`, since a select cannot hold anything else).
 */
function columnIssue(issue: RowIssue, cells: Partial<Record<ImportField, string>>): RowIssue {
  const field = PERSON_FIELD_COLUMN[issue.field] ?? HOUSEHOLD_FIELD_COLUMN[issue.field] ?? issue.field;
  const text = cells[field as ImportField] ?? '';
  return { ...issue, field, rule: issue.rule === 'required' && text !== '' && CODED_COLUMNS.has(field) ? 'choice' : issue.rule };
}

const CODED_COLUMNS = new Set<string>(['relationship', 'sex', 'ethnicity', 'bloodType', 'education', 'marital', 'military', 'householdKind']);

function personCandidate(f: Partial<Record<ImportField, string>>): PersonInput {
  const text = (field: ImportField) => f[field] ?? '';
  const city = splitWhenFrom(text('movedToCity'));
  const here = splitWhenFrom(text('movedToAddress'));
  return {
    name: text('name'),
    formerNames: text('formerNames'),
    relationship: codeFromText('relationship', text('relationship')),
    sex: codeFromText('sex', text('sex')),
    ethnicity: codeFromText('ethnicity', text('ethnicity')),
    birthDate: isoFromTyped(text('birthDate')),
    idNumber: text('idNumber'),
    birthPlace: text('birthPlace'),
    nativePlace: text('nativePlace'),
    otherAddress: text('otherAddress'),
    religion: text('religion'),
    height: text('height'),
    bloodType: codeFromText('bloodType', text('bloodType')),
    education: codeFromText('education', text('education')),
    marital: codeFromText('marital', text('marital')),
    military: codeFromText('military', text('military')),
    workplace: text('workplace'),
    occupation: text('occupation'),
    phone: text('phone'),
    movedToCityDate: city.date,
    movedToCityFrom: city.from,
    movedToAddressDate: here.date,
    movedToAddressFrom: here.from,
  };
}

/** 人号: a whole number from 1; anything else refused. */
function personNoOf(text: string | undefined): { value: number | null; issue?: RowIssue } {
  const value = (text ?? '').trim();
  if (value === '') return { value: null };
  return /^\d{1,4}$/.test(value) && Number(value) >= 1 ? { value: Number(value) } : { value: null, issue: { field: 'personNo', rule: 'personNo', params: {} } };
}

/** Validates one data row. Empty rows never reach here (the parser skips them and counts them apart). */
export function checkRow(cells: readonly string[], mapping: ColumnMapping, context: ImportContext): CheckedRow {
  const f = cellsByField(cells, mapping);
  const issues: RowIssue[] = [];
  const person = personInput.safeParse(personCandidate(f));
  if (!person.success) for (const issue of person.error.issues) issues.push(ruleOf(issue));
  const household = householdInput.safeParse({
    number: f.householdNumber ?? '',
    kind: f.householdKind === undefined || f.householdKind === '' ? 'family' : codeFromText('householdKind', f.householdKind),
    address: f.address ?? '',
    divisionCode: context.divisionCode,
    issueDate: context.today,
  });
  if (!household.success) for (const issue of household.error.issues) issues.push(ruleOf(issue));
  const personNo = personNoOf(f.personNo);
  if (personNo.issue) issues.push(personNo.issue);
  if (issues.length > 0 || !person.success || !household.success) {
    return { ok: false, issues: issues.map((i) => columnIssue(i, f)) };
  }
  return { ok: true, person: person.data, personNo: personNo.value, household: household.data };
}

/** The ID number as stored (upper-case X, 15 → 18 digits), for matching rows of one file against each other. */
export const importIdKey = (text: string): string => normalizeCitizenId(text.trim());
