import { z } from 'zod';
import { officerRef } from '../officer';
import { normalizeCitizenId, parseCitizenId } from '../../validation/citizen-id';
import { codeOf } from './code-tables';
import { heightField, isoDate, optionalDate, optionalDocumentText, personName, phoneField } from './fields';

/**
 * A person of the 常住人口登记表. Coded fields hold national codes (see code-tables.ts); places of birth are
 * GB/T 2260 codes; free text is kept as typed. The ID number is normalised (upper-case X, 15→18 digits).
 */
export const personFieldsShape = {
  name: personName,
  formerNames: optionalDocumentText('names', 60),
  relationship: codeOf('relationship', 'required'),
  sex: codeOf('sex', 'required'),
  ethnicity: codeOf('ethnicity', 'required'),
  birthDate: isoDate,
  idNumber: z.string().trim().min(1, 'required').transform(normalizeCitizenId),
  birthPlace: optionalDocumentText('address', 60),
  nativePlace: optionalDocumentText('address', 60),
  otherAddress: optionalDocumentText('address', 120),
  religion: optionalDocumentText('text', 20),
  height: heightField,
  bloodType: z.union([z.literal(''), codeOf('bloodType', 'required')]).default(''),
  education: z.union([z.literal(''), codeOf('education', 'required')]).default(''),
  marital: z.union([z.literal(''), codeOf('marital', 'required')]).default(''),
  military: z.union([z.literal(''), codeOf('military', 'required')]).default(''),
  workplace: optionalDocumentText('text', 60),
  occupation: optionalDocumentText('text', 40),
  phone: phoneField,
  movedToCityDate: optionalDate,
  movedToCityFrom: optionalDocumentText('address', 120),
  movedToAddressDate: optionalDate,
  movedToAddressFrom: optionalDocumentText('address', 120),
};

/** The person form: each field's own rules, then the ID checked and compared with sex and birth date. */
export const personInput = z.object(personFieldsShape).superRefine((p, ctx) => {
  const parsed = parseCitizenId(p.idNumber);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: `idNumber.${parsed.error}` });
    return;
  }
  if (parsed.info.birthDate !== p.birthDate) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'birthDateMismatch' });
  const idSex = parsed.info.sex === 'male' ? '1' : '2';
  if ((p.sex === '1' || p.sex === '2') && p.sex !== idSex) ctx.addIssue({ code: 'custom', path: ['sex'], message: 'sexMismatch' });
});
export type PersonInput = z.input<typeof personInput>;
export type PersonFields = z.output<typeof personInput>;
export type PersonFieldName = keyof PersonFields;
export const personFieldNames = Object.keys(personFieldsShape) as PersonFieldName[];

export const personStatusCode = z.enum(['registered', 'movedOut', 'cancelled']);
export type PersonStatusCode = z.infer<typeof personStatusCode>;

/** 在册 / 迁出 / 注销, each with date, reason and reference (e.g. the 户口迁移证 number). */
export const personStatus = z.object({
  code: personStatusCode,
  date: isoDate,
  reason: z.string().max(200),
  reference: z.string().max(60),
  /** Where a moved-out person went (迁往地址). */
  destination: z.string().max(120).default(''),
});
export type PersonStatus = z.infer<typeof personStatus>;

export const personRow = z.object({
  ...personFieldsShape,
  idNumber: z.string(),
  id: z.string().min(1),
  householdId: z.string(),
  /** 人号: order within the household. */
  personNo: z.number().int().min(1),
  status: personStatus,
  registeredAt: z.string(),
  registeredBy: officerRef,
  updatedAt: z.string(),
  sortKey: z.string(),
  py: z.array(z.string()),
  /** Derived search terms: name variants, ID tail, birth date (personTerms in search-keys.ts). */
  terms: z.array(z.string()),
});
export type PersonRow = z.infer<typeof personRow>;

/** 登记事项变更和更正记载: one entry per changed field. */
export const personChange = z.object({
  id: z.string(),
  personId: z.string(),
  field: z.string(),
  oldValue: z.string(),
  newValue: z.string(),
  officer: officerRef,
  at: z.string(),
  reason: z.string().min(1),
});
export type PersonChange = z.infer<typeof personChange>;

/** A field's value as the change log and certificates print it. */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** The fields whose values differ between two versions of a person (for the change log). */
export function changedFields(before: PersonFields, after: PersonFields): PersonFieldName[] {
  return personFieldNames.filter((f) => fieldText(before[f]) !== fieldText(after[f]));
}
