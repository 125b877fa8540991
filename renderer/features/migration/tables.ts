import type { MigrationCase } from '@shared/migration/model';
import type { MigrationCategory } from '@shared/migration/categories';
import { db, type TableSource } from '@renderer/platform/db';

/** The migration feature's Dexie tables (schema version 6). */
export const CASES_TABLE = 'migrationCases';
export const DRAFTS_TABLE = 'migrationDrafts';
export const COUNTERS_TABLE = 'migrationCounters';
export const MIGRATION_TABLES = [CASES_TABLE, DRAFTS_TABLE, COUNTERS_TABLE] as const;

/**
 * An intake being typed: kept as the raw form values (possibly invalid), so nothing typed is lost on a crash.
 * Validation happens only when the officer submits.
 */
export interface DraftForm {
  category: MigrationCategory;
  hrApprovalRef: string;
  applicant: { name: string; formerName: string; sex: string; ethnicity: string; birthDate: string; idNumber: string };
  phone: string;
  currentAddress: string;
  originCode: string;
  destination: {
    householdId: string;
    householdNo: string;
    address: string;
    householderName: string;
    sponsorName: string;
    sponsorIdNumber: string;
    relationshipToHouseholder: string;
  };
  coMovers: { name: string; formerName: string; sex: string; ethnicity: string; birthDate: string; idNumber: string; relationshipToHouseholder: string }[];
  documentsReceived: string[];
  noticeSigned: boolean;
}

export interface DraftRow {
  id: string;
  form: DraftForm;
  createdAt: string;
  updatedAt: string;
  /** `province:警号` of the officer who started it. */
  officer: string;
}

export interface CounterRow {
  key: string;
  value: number;
}

export const casesTable = (source: TableSource = db()) => source.table<MigrationCase, string>(CASES_TABLE);
export const draftsTable = (source: TableSource = db()) => source.table<DraftRow, string>(DRAFTS_TABLE);
export const countersTable = (source: TableSource = db()) => source.table<CounterRow, string>(COUNTERS_TABLE);

export function emptyDraftForm(): DraftForm {
  const person = { name: '', formerName: '', sex: '', ethnicity: '01', birthDate: '', idNumber: '' };
  return {
    category: 'spouse',
    hrApprovalRef: '',
    applicant: person,
    phone: '',
    currentAddress: '',
    originCode: '',
    destination: { householdId: '', householdNo: '', address: '', householderName: '', sponsorName: '', sponsorIdNumber: '', relationshipToHouseholder: '' },
    coMovers: [],
    documentsReceived: [],
    noticeSigned: false,
  };
}
