import { z } from 'zod';
import type { personFieldsShape } from '../person';
import { columnMapping } from './columns';
import { rowIssue } from './import-row';

/**
 * Messages between the records page and the import worker (renderer/features/records/import/parse.worker.ts),
 * checked on both sides like anything else that crosses a boundary. The worker reads the file, checks each row
 * with the forms' rules and derives the search keys; the page matches and writes. A chunk is sent, then the
 * worker waits for `next` (at most a few chunks in flight), so a slow disk holds back parsing, not memory.
 */
export const IMPORT_FILE_KINDS = ['csv', 'xlsx'] as const;
export const importFileKind = z.enum(IMPORT_FILE_KINDS);
export type ImportFileKind = z.infer<typeof importFileKind>;

/** A chosen file (a Blob in the renderer; shared/ knows no DOM, so only what the worker calls on it). */
export interface ImportFileRef {
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}
const fileLike = z.custom<ImportFileRef>(
  (v) => typeof v === 'object' && v !== null && typeof (v as { size?: unknown }).size === 'number' && typeof (v as { arrayBuffer?: unknown }).arrayBuffer === 'function',
  { message: 'file' },
);

export const importContextSchema = z.object({ divisionCode: z.string().regex(/^\d{6}$/), today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

export const toImportWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('inspect'), file: fileLike, name: z.string().max(260), previewRows: z.number().int().min(1).max(50) }),
  z.object({
    type: z.literal('run'),
    file: fileLike,
    name: z.string().max(260),
    mapping: columnMapping,
    /** Data rows already committed by an earlier run of the same job: read past, not sent again. */
    skipRows: z.number().int().min(0),
    chunkRows: z.number().int().min(1).max(20_000),
    context: importContextSchema,
  }),
  z.object({ type: z.literal('next') }),
]);
export type ToImportWorker = z.infer<typeof toImportWorker>;

/** A person's fields as the worker hands them over: already checked by personInput there; here only their shape. */
const text = z.string().max(200);
const preparedPerson = z.object({
  name: text, formerNames: text, relationship: text, sex: text, ethnicity: text, birthDate: text, idNumber: text,
  birthPlace: text, nativePlace: text, otherAddress: text, religion: text, height: z.number().nullable(), bloodType: text,
  education: text, marital: text, military: text, workplace: text, occupation: text, phone: text, movedToCityDate: text,
  movedToCityFrom: text, movedToAddressDate: text, movedToAddressFrom: text,
}) satisfies z.ZodType<Record<keyof typeof personFieldsShape, unknown>>;

export const preparedRow = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    row: z.number().int().min(1),
    person: preparedPerson,
    personNo: z.number().int().min(1).nullable(),
    household: z.object({ number: z.string(), kind: z.string(), address: z.string(), divisionCode: z.string(), issueDate: z.string() }),
    keys: z.object({ sortKey: z.string(), py: z.array(z.string()), terms: z.array(z.string()), grams: z.array(z.string()) }),
  }),
  z.object({ ok: z.literal(false), row: z.number().int().min(1), cells: z.array(z.string()), issues: z.array(rowIssue).min(1) }),
]);
export type PreparedRow = z.infer<typeof preparedRow>;

export const fromImportWorker = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('inspected'),
    kind: importFileKind,
    encoding: z.string().max(20),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int().min(0),
    headers: z.array(z.string()),
    preview: z.array(z.array(z.string())),
  }),
  z.object({
    type: z.literal('chunk'),
    rows: z.array(preparedRow),
    /** Data rows read so far in the file (this chunk's last row number), blank lines apart. */
    through: z.number().int().min(0),
    blank: z.number().int().min(0),
    /** Share of the file parsed, 0–1, for the progress bar and time left. */
    fraction: z.number().min(0).max(1),
  }),
  z.object({ type: z.literal('done'), rows: z.number().int().min(0), blank: z.number().int().min(0) }),
  z.object({ type: z.literal('failed'), code: z.string().max(60) }),
]);
export type FromImportWorker = z.infer<typeof fromImportWorker>;
