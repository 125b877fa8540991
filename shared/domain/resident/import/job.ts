import { z } from 'zod';
import { officerRef } from '../../officer';
import { importCounts } from './accounting';
import { columnMapping } from './columns';
import { rowIssue } from './import-row';
import { importFileKind } from './worker-protocol';

/**
 * One import of an export file (批量导入), stored so that it resumes: the file's SHA-256 finds it again when the
 * same file is chosen after a crash, a closed window or a cancel; `committedRows` is the last data row of the last
 * committed chunk, written in the same transaction as that chunk's persons, so it never runs ahead of them.
 */
export const IMPORT_JOB_STATUSES = ['running', 'paused', 'done'] as const;
export const importJobStatus = z.enum(IMPORT_JOB_STATUSES);

export const importJob = z.object({
  id: z.string().min(1),
  fileName: z.string().max(260),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
  kind: importFileKind,
  encoding: z.string().max(20),
  headers: z.array(z.string()),
  mapping: columnMapping,
  chunkRows: z.number().int().min(1),
  /**
   * The station held no person when the job started (the install-day load): no row can match an earlier person
   * (the worker refuses repeats within the file), so chunks skip the matching reads.
   */
  emptyAtStart: z.boolean(),
  status: importJobStatus,
  committedRows: z.number().int().min(0),
  counts: importCounts,
  officer: officerRef,
  startedAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJob>;

/** A refused row, kept for correction: its cells as read, and why (field + rule) each problem. */
export const refusedRow = z.object({
  /** `jobId:row` with the row zero-padded, so the table's key order is the file's order. */
  id: z.string(),
  jobId: z.string(),
  row: z.number().int().min(1),
  cells: z.array(z.string()),
  issues: z.array(rowIssue).min(1),
});
export type RefusedRow = z.infer<typeof refusedRow>;

export const refusedRowId = (jobId: string, row: number): string => `${jobId}:${String(row).padStart(9, '0')}`;

/** The rule of a row that repeats a person already in the same file (same ID number, or same 户号+人号). */
export const DUPLICATE_IN_FILE = 'duplicateInFile';
