import { db, type TableSource } from '@renderer/platform/db';
import type { CertificateRow } from '@shared/domain/resident/certificate';
import type { HouseholdRow } from '@shared/domain/resident/household';
import type { ImportJob, RefusedRow } from '@shared/domain/resident/import/job';
import type { PersonChange, PersonRow } from '@shared/domain/resident/person';

/** The records feature's Dexie tables (schema version 3). Include RECORDS_TABLES in a caller's transaction. */
export const HOUSEHOLDS_TABLE = 'households';
export const PERSONS_TABLE = 'persons';
export const PERSON_CHANGES_TABLE = 'personChanges';
export const CERTIFICATES_TABLE = 'certificates';
export const RECORDS_TABLES = [HOUSEHOLDS_TABLE, PERSONS_TABLE, PERSON_CHANGES_TABLE, CERTIFICATES_TABLE] as const;

export const householdsTable = (source: TableSource = db()) => source.table<HouseholdRow, string>(HOUSEHOLDS_TABLE);
export const personsTable = (source: TableSource = db()) => source.table<PersonRow, string>(PERSONS_TABLE);
export const personChangesTable = (source: TableSource = db()) => source.table<PersonChange, string>(PERSON_CHANGES_TABLE);
export const certificatesTable = (source: TableSource = db()) => source.table<CertificateRow, string>(CERTIFICATES_TABLE);

/** 批量导入 (schema version 17): import jobs and their refused rows. */
export const IMPORT_JOBS_TABLE = 'importJobs';
export const IMPORT_REFUSED_TABLE = 'importRefused';
export const importJobsTable = (source: TableSource = db()) => source.table<ImportJob, string>(IMPORT_JOBS_TABLE);
export const importRefusedTable = (source: TableSource = db()) => source.table<RefusedRow, string>(IMPORT_REFUSED_TABLE);
