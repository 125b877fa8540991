import { z } from 'zod';
import { officerRef } from '../officer';
import { codeOf } from './code-tables';
import { addressField, divisionCodeField, isoDate } from './fields';

/** 户号: the household's number within the station. */
export const householdNumber = z.string().trim().regex(/^\d{6,12}$/, 'householdNumber');

/** What the household form edits (户别, 户号, address, the district it lies in, 签发日期). */
export const householdInput = z.object({
  number: householdNumber,
  kind: codeOf('householdKind', 'required'),
  address: addressField(120),
  divisionCode: divisionCodeField,
  issueDate: isoDate,
});
export type HouseholdInput = z.input<typeof householdInput>;

/** A new household: the 户号 may be left blank for the station's next number (assigned when it is saved). */
export const newHouseholdInput = householdInput.extend({ number: z.union([z.literal(''), householdNumber]) });
export type HouseholdFields = z.output<typeof householdInput>;

export const householdRow = householdInput.extend({
  id: z.string().min(1),
  stationCode: z.string(),
  /** 户主: the member whose relationship is 户主; null while the household has no members yet. */
  householderId: z.string().nullable(),
  createdAt: z.string(),
  createdBy: officerRef,
  updatedAt: z.string(),
  /** Address bigrams for fragment search (see search-keys.ts). */
  grams: z.array(z.string()),
});
export type HouseholdRow = z.infer<typeof householdRow>;
