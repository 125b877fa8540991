import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { guessMapping } from '@shared/domain/resident/import/columns';
import type { ImportJob } from '@shared/domain/resident/import/job';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase, db } from '@renderer/platform/db/connection';
import { SEALED_FIELD } from '@renderer/platform/db/sealing';
import { auditTable } from '@renderer/platform/audit/audit-log';
import { inspectFile, refusedRowsOf, resumableJob, runImport, type ImportWorkerPort } from '@renderer/features/records/import/import-runner';
import { createImportHandler } from '@renderer/features/records/import/worker-handler';
import { searchPersons } from '@renderer/features/records/search';
import { householdsTable, personChangesTable, personsTable } from '@renderer/features/records/tables';
import { EXPORT_HEADERS, exportRows, gbkCsv, nth, withBadRows, xlsxFile } from '../../../support/register-export';

const officer = { province: '310000' as const, policeNumber: '010203', name: '李警官' };
const actor = { officer, stationCode: '310118520000' };
const context = { divisionCode: '310118', today: '2026-12-02' };
const mapping = guessMapping(EXPORT_HEADERS);

/** The worker's handler in this thread: the same messages, checked the same way. */
function inProcessPort(): ImportWorkerPort {
  let listener: (message: unknown) => void = () => undefined;
  const handle = createImportHandler((message) => queueMicrotask(() => listener(structuredClone(message))));
  return { post: (message) => handle(message), onMessage: (l) => (listener = l), terminate: () => undefined };
}

const fileOf = (bytes: Uint8Array, name: string) => new File([bytes.slice()], name);

async function importFile(file: File, options: { resume?: ImportJob | null; signal?: AbortSignal; onProgress?: () => void } = {}): Promise<ImportJob> {
  const inspected = await inspectFile(file, inProcessPort());
  return runImport({ file, inspected, mapping, actor, context, port: inProcessPort(), chunkRows: 10, ...options });
}

const snapshot = async () => (await personsTable().toArray()).map((p) => `${p.idNumber}|${p.name}|${p.personNo}|${p.relationship}`).sort();

afterEach(async () => {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
});

describe('import of a register export', () => {
  const rows = exportRows(60);
  const bad = withBadRows(rows, [2, 5, 11, 23, 37, 41]);

  it('imports the valid rows, refuses the bad ones with field and reason, and the summary adds up', async () => {
    await db().open();
    const job = await importFile(fileOf(gbkCsv(bad), '青浦区常住人口.csv'));
    expect(job.counts).toMatchObject({ read: 60, imported: 54, updated: 0, unchanged: 0, refused: 6 });
    expect(job.status).toBe('done');
    const refused = await refusedRowsOf(job.id);
    expect(refused.map((r) => [r.row, r.issues[0]?.field])).toEqual([[4, 'idNumber'], [7, 'birthDate'], [13, 'sex'], [25, 'ethnicity'], [39, 'name'], [43, 'name']]);
    expect(refused[0]?.cells).toEqual(bad[2]);
    expect(await personsTable().count()).toBe(54);
    // Searchable at once: by name, pinyin and the ID's last four.
    const first = nth(rows, 0);
    const firstId = nth(first, 8);
    const found = await searchPersons({ text: firstId.slice(-4), mode: 'auto', page: 0, pageSize: 20 });
    expect(found.items.map((i) => i.person.idNumber)).toContain(firstId);
    // The 户主 of each household is its member with relationship 02.
    const head = await personsTable().where('idNumber').equals(firstId).first();
    expect((await householdsTable().get(head?.householdId ?? ''))?.householderId).toBe(head?.id);
    // One audit entry for the import, with the file's digest and counts.
    const audit = (await auditTable().toArray()).filter((a) => a.action === 'person.import');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toContain(`sha256=${job.sha256} read=60 imported=54 updated=0 unchanged=0 refused=6`);
    // Sealed at rest: the raw row keeps only its indexed fields clear.
    const raw = new Dexie(DATABASE_NAME);
    await raw.open();
    const stored = (await raw.table('persons').limit(1).toArray())[0] as Record<string, unknown>;
    raw.close();
    expect(stored[SEALED_FIELD]).toBeDefined();
    expect(stored.workplace).toBeUndefined();
  });

  it('changes nothing when the same file comes again; a corrected file adds the rows that were refused', async () => {
    await db().open();
    await importFile(fileOf(gbkCsv(bad), 'a.csv'));
    const before = await snapshot();
    const again = await importFile(fileOf(gbkCsv(bad), 'a.csv'));
    expect(again.counts).toMatchObject({ read: 60, imported: 0, updated: 0, unchanged: 54, refused: 6 });
    expect(await snapshot()).toEqual(before);
    expect(await personChangesTable().count()).toBe(0);
    const corrected = await importFile(fileOf(xlsxFile([2, 5, 11, 23, 37, 41].map((i) => nth(rows, i))), 'fixed.xlsx'));
    expect(corrected.counts).toMatchObject({ read: 6, imported: 6, refused: 0 });
    expect(await personsTable().count()).toBe(60);
  });

  it('updates what a newer export changed through the change log, never deleting', async () => {
    await db().open();
    await importFile(fileOf(gbkCsv(rows), 'old.csv'));
    const newer = rows.slice(0, 30).map((r) => [...r]);
    nth(newer, 4)[EXPORT_HEADERS.indexOf('职业')] = '教师';
    const job = await importFile(fileOf(gbkCsv(newer), 'new.csv'));
    expect(job.counts).toMatchObject({ read: 30, imported: 0, updated: 1, unchanged: 29 });
    const changes = await personChangesTable().toArray();
    expect(changes.map((c) => [c.field, c.oldValue, c.newValue, c.reason])).toEqual([['occupation', '公务员', '教师', '批量导入 new.csv']]);
    expect(await personsTable().count()).toBe(60);
  });

  it('resumes a cancelled import from the last committed chunk to the same end state', async () => {
    await db().open();
    const file = fileOf(gbkCsv(bad), 'big.csv');
    const stop = new AbortController();
    let chunks = 0;
    const paused = await importFile(file, { signal: stop.signal, onProgress: () => (chunks += 1) === 2 && stop.abort() });
    expect(paused.status).toBe('paused');
    expect(paused.committedRows).toBeGreaterThan(0);
    expect(paused.committedRows).toBeLessThan(60);
    const job = await resumableJob(paused.sha256);
    expect(job?.id).toBe(paused.id);
    const finished = await importFile(file, { resume: job });
    expect(finished.id).toBe(paused.id);
    expect(finished.counts).toMatchObject({ read: 60, imported: 54, refused: 6 });
    expect((await refusedRowsOf(finished.id)).length).toBe(6);
    const resumedState = await snapshot();
    closeDatabase();
    await Dexie.delete(DATABASE_NAME);
    await db().open();
    await importFile(fileOf(gbkCsv(bad), 'big.csv'));
    expect(await snapshot()).toEqual(resumedState);
  });
});
