import type { PersonIdentity, RegisteredItems } from './model';

/** The permit's items compared with the origin's record, field by field (比对). */
export const comparedFields = ['name', 'formerName', 'sex', 'ethnicity', 'birthDate', 'idNumber'] as const;
export type ComparedField = (typeof comparedFields)[number];

export interface FieldComparison {
  field: ComparedField;
  permit: string;
  record: string;
  differs: boolean;
}

const normalise = (v: string): string => v.replace(/\s+/g, '').toUpperCase();

/** Every compared field with both values; `differs` marks what the officer must look at. */
export function comparePermitWithRecord(permit: PersonIdentity, record: RegisteredItems): FieldComparison[] {
  return comparedFields.map((field) => {
    const a = permit[field];
    const b = record[field];
    return { field, permit: a, record: b, differs: normalise(a) !== normalise(b) };
  });
}

export function hasDifferences(rows: readonly FieldComparison[]): boolean {
  return rows.some((r) => r.differs);
}
