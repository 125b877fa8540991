import { z } from 'zod';
import { ulid } from 'ulid';
import { countsBalance, emptyCounts } from '@shared/domain/resident/import/accounting';
import { columnMapping, headerSignature, type ColumnMapping } from '@shared/domain/resident/import/columns';
import type { ImportContext } from '@shared/domain/resident/import/import-row';
import type { ImportJob } from '@shared/domain/resident/import/job';
import { fromImportWorker, type FromImportWorker, type ToImportWorker } from '@shared/domain/resident/import/worker-protocol';
import { officerKey, type OfficerRef } from '@shared/domain/officer';
import { defineMetaKey, guardedWrite, openBulkConnection, readMeta, writeMeta } from '@renderer/platform/db';
import { appendAudit } from '@renderer/platform/audit';
import { importJobsTable, importRefusedTable, personsTable } from '../tables';
import { writeChunk } from './import-writer';

/**
 * An import from the chosen file to the committed end: the worker reads and checks, the page matches and writes
 * chunk by chunk (import-writer.ts), the job row keeps the place. Choosing the same file again (same SHA-256)
 * while its job is unfinished resumes after the last committed chunk; a finished file imported again is a new job
 * in which every row is unchanged. One audit entry each time a run ends (finished or paused), with the file's
 * name, digest and counts.
 */
export const IMPORT_CHUNK_ROWS = 2000;
const PREVIEW_ROWS = 8;

/** The thread the file is read in: a module Worker in the app, the same handler in-process in unit tests. */
export interface ImportWorkerPort {
  post(message: ToImportWorker): void;
  onMessage(listener: (message: unknown) => void): void;
  terminate(): void;
}

export function browserWorker(): ImportWorkerPort {
  const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => {
      worker.onmessage = (event: MessageEvent<unknown>) => listener(event.data);
      worker.onerror = () => listener({ type: 'failed', code: 'worker' });
    },
    terminate: () => worker.terminate(),
  };
}

export class ImportFailedError extends Error {
  constructor(readonly code: string) {
    super(`import: ${code}`);
    this.name = 'ImportFailedError';
  }
}

/** Messages from the worker as a queue the runner awaits one at a time; anything malformed is a failure. */
function messages(port: ImportWorkerPort): () => Promise<FromImportWorker> {
  const queue: FromImportWorker[] = [];
  let waiting: ((message: FromImportWorker) => void) | null = null;
  port.onMessage((data) => {
    const parsed = fromImportWorker.safeParse(data);
    const message: FromImportWorker = parsed.success ? parsed.data : { type: 'failed', code: 'message' };
    if (waiting) {
      const w = waiting;
      waiting = null;
      w(message);
    } else queue.push(message);
  });
  return () => {
    const next = queue.shift();
    return next ? Promise.resolve(next) : new Promise((resolve) => (waiting = resolve));
  };
}

export type Inspected = Extract<FromImportWorker, { type: 'inspected' }>;

export async function inspectFile(file: Blob & { name: string }, port: ImportWorkerPort = browserWorker()): Promise<Inspected> {
  const next = messages(port);
  try {
    port.post({ type: 'inspect', file, name: file.name, previewRows: PREVIEW_ROWS });
    const reply = await next();
    if (reply.type !== 'inspected') throw new ImportFailedError(reply.type === 'failed' ? reply.code : 'unexpected');
    return reply;
  } finally {
    port.terminate();
  }
}

/** The mapping last used, for a file with the same header row (保存的列对应). */
const savedMapping = z.object({ signature: z.string(), mapping: columnMapping });
const importMappingMeta = defineMetaKey('records.importMapping', savedMapping);

export async function savedMappingFor(headers: readonly string[]): Promise<ColumnMapping | null> {
  const saved = await readMeta(importMappingMeta);
  return saved && saved.signature === headerSignature(headers) && saved.mapping.length === headers.length ? saved.mapping : null;
}

export const saveMapping = (headers: readonly string[], mapping: ColumnMapping): Promise<void> =>
  guardedWrite(() => writeMeta(importMappingMeta, { signature: headerSignature(headers), mapping }));

/** The unfinished job of this file, if one was interrupted (crash, closed window, cancel). */
export async function resumableJob(sha256: string): Promise<ImportJob | null> {
  const jobs = await importJobsTable().where('sha256').equals(sha256).toArray();
  return jobs.filter((j) => j.status !== 'done').sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0] ?? null;
}

export const jobById = (id: string) => importJobsTable().get(id);
export const refusedRowsOf = (jobId: string) => importRefusedTable().where('id').between(`${jobId}:`, `${jobId};`).toArray();
export const recentJobs = (limit = 5) => importJobsTable().toCollection().reverse().limit(limit).toArray();

export interface ImportProgress {
  job: ImportJob;
  /** Share of the file read, 0–1. */
  fraction: number;
  /** Estimated seconds left, null until a chunk has committed. */
  secondsLeft: number | null;
  /** Seconds this run spent in chunk transactions (the rest is waiting for the worker). */
  writeSeconds: number;
}

export interface RunImportOptions {
  file: Blob & { name: string };
  inspected: Inspected;
  mapping: ColumnMapping;
  actor: { officer: OfficerRef; stationCode: string };
  context: ImportContext;
  /** An unfinished job of the same file to continue. */
  resume?: ImportJob | null;
  onProgress?: (progress: ImportProgress) => void;
  /** Cancel: the chunk being written still commits, then the job is paused (resumable). */
  signal?: AbortSignal;
  port?: ImportWorkerPort;
  chunkRows?: number;
  databaseName?: string;
}

function newJob(options: RunImportOptions, emptyAtStart: boolean): ImportJob {
  const at = new Date().toISOString();
  return {
    id: ulid(),
    fileName: options.file.name,
    sha256: options.inspected.sha256,
    size: options.inspected.size,
    kind: options.inspected.kind,
    encoding: options.inspected.encoding,
    headers: options.inspected.headers,
    mapping: options.mapping,
    chunkRows: options.chunkRows ?? IMPORT_CHUNK_ROWS,
    emptyAtStart,
    status: 'running',
    committedRows: 0,
    counts: emptyCounts(),
    officer: options.actor.officer,
    startedAt: at,
    updatedAt: at,
    finishedAt: null,
  };
}

async function auditRun(job: ImportJob, actor: RunImportOptions['actor']): Promise<void> {
  const c = job.counts;
  await guardedWrite(() =>
    appendAudit({
      station: actor.stationCode,
      officer: officerKey(actor.officer),
      action: 'person.import',
      object: `import:${job.id}`,
      result: 'success',
      detail: `${job.status} file=${job.fileName} sha256=${job.sha256} read=${c.read} imported=${c.imported} updated=${c.updated} unchanged=${c.unchanged} refused=${c.refused}`,
    }),
  );
}

/** Runs (or resumes) an import to its end, or to a cancel; returns the job as committed. */
export async function runImport(options: RunImportOptions): Promise<ImportJob> {
  const port = options.port ?? browserWorker();
  const next = messages(port);
  const connection = openBulkConnection(options.databaseName);
  const resumed = options.resume && options.resume.sha256 === options.inspected.sha256 ? options.resume : null;
  let job: ImportJob = resumed ? { ...resumed, status: 'running' } : newJob(options, (await personsTable(connection).limit(1).count()) === 0);
  try {
    await guardedWrite(() => connection.transaction('rw', importJobsTable(connection), () => importJobsTable(connection).put(job)));
    port.post({ type: 'run', file: options.file, name: job.fileName, mapping: job.mapping, skipRows: job.committedRows, chunkRows: job.chunkRows, context: options.context });
    const started = performance.now();
    const startRows = job.committedRows;
    let writeSeconds = 0;
    for (;;) {
      if (options.signal?.aborted) {
        job = { ...job, status: 'paused', updatedAt: new Date().toISOString() };
        break;
      }
      const message = await next();
      if (message.type === 'failed') throw new ImportFailedError(message.code);
      if (message.type === 'done') {
        job = { ...job, status: 'done', committedRows: message.rows, counts: { ...job.counts, blank: message.blank }, finishedAt: new Date().toISOString() };
        if (!countsBalance(job.counts)) throw new ImportFailedError('unbalanced');
        break;
      }
      if (message.type !== 'chunk') throw new ImportFailedError('unexpected');
      const writeStart = performance.now();
      job = await writeChunk(connection, job, message, options.actor);
      writeSeconds += (performance.now() - writeStart) / 1000;
      port.post({ type: 'next' });
      const done = job.committedRows - startRows;
      const seconds = (performance.now() - started) / 1000;
      const secondsLeft = message.fraction > 0 && done > 0 ? (seconds / message.fraction) * (1 - message.fraction) : null;
      options.onProgress?.({ job, fraction: message.fraction, secondsLeft, writeSeconds });
    }
    await guardedWrite(() => connection.transaction('rw', importJobsTable(connection), () => importJobsTable(connection).put(job)));
    await auditRun(job, options.actor);
    return job;
  } finally {
    port.terminate();
    connection.close();
  }
}
