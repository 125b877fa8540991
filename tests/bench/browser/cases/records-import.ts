import Dexie from 'dexie';
import { csvCell } from '@shared/csv';
import { generateDemoResidents } from '@shared/demo/residents';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase, db } from '@renderer/platform/db/connection';
import { exportHeaders, exportRow } from '@renderer/features/records/import/export-register';
import { inspectFile, runImport } from '@renderer/features/records/import/import-runner';
import { guessMapping } from '@shared/domain/resident/import/columns';
import { searchPersons } from '@renderer/features/records/search';
import { percentile, sample, type BenchCase } from '../../lib';

/**
 * 批量导入 at 200,000 persons (issue 17): generated persons written as the population system's export (UTF-8 CSV
 * with BOM, the export's columns, codes as names), then imported through the same path the UI takes — the worker
 * reads and checks the file and derives the search keys, the page writes sealed chunks through the bulk
 * connection — into an empty station, until a search finds them. `import_write_per_s` is the writing alone (time
 * inside the chunk transactions), printed beside this machine's IndexedDB floor (as the records case measures it);
 * `import_worker_wait_s` is the rest (the page waiting for the worker's next chunk).
 * `import_peak_heap_mib` is the page's JS heap (Chromium's performance.memory) during the import; the worker's heap
 * is apart and not in it.
 */
const TARGET_PERSONS = 200_000;
const LINES_PER_PART = 5000;

interface ChromeMemory {
  memory?: { usedJSHeapSize: number };
}
const heapMiB = (): number => ((performance as Performance & ChromeMemory).memory?.usedJSHeapSize ?? 0) / (1 << 20);

/** The export file, built in parts of encoded lines so the text of 200,000 lines is never held at once. */
function exportFile(): { file: File; persons: number; idTails: string[] } {
  const encoder = new TextEncoder();
  const parts: BlobPart[] = [encoder.encode(`\uFEFF${exportHeaders().map(csvCell).join(',')}\r\n`)];
  const idTails: string[] = [];
  let lines: string[] = [];
  let persons = 0;
  const source = generateDemoResidents({
    stationCode: '310118520000',
    stationDistrictCode: '310118',
    households: 1_000_000,
    seed: 2026,
    officer: { province: '310000', policeNumber: '000001', name: '基准' },
    today: '2026-11-23',
  });
  for (const { household, persons: members } of source) {
    const head = members.find((p) => p.id === household.householderId);
    for (const p of members) {
      lines.push(exportRow(p, household, head, true).map(csvCell).join(','));
      if (persons % 1000 === 0) idTails.push(p.idNumber.slice(-4));
      persons += 1;
    }
    if (lines.length >= LINES_PER_PART) {
      parts.push(encoder.encode(`${lines.join('\r\n')}\r\n`));
      lines = [];
    }
    if (persons >= TARGET_PERSONS) break;
  }
  if (lines.length > 0) parts.push(encoder.encode(`${lines.join('\r\n')}\r\n`));
  return { file: new File(parts, 'register-200k.csv', { type: 'text/csv' }), persons, idTails };
}

/** The machine's IndexedDB floor, as the records case measures it (50,000 one-field rows, relaxed durability). */
async function idbFloorRowsPerSecond(): Promise<number> {
  const name = 'bench-import-idb-floor';
  await Dexie.delete(name);
  const scratch = new Dexie(name, { chromeTransactionDurability: 'relaxed' });
  scratch.version(1).stores({ rows: 'id' });
  const rows = Array.from({ length: 50_000 }, (_, i) => ({ id: `r${i}` }));
  const start = performance.now();
  for (let i = 0; i < rows.length; i += 5000) await scratch.table('rows').bulkPut(rows.slice(i, i + 5000));
  const seconds = (performance.now() - start) / 1000;
  scratch.close();
  await Dexie.delete(name);
  return rows.length / seconds;
}

export const cases: BenchCase[] = [
  {
    name: 'records-import',
    async run() {
      closeDatabase();
      await Dexie.delete(DATABASE_NAME);
      await db().open();
      const { file, persons, idTails } = exportFile();

      let peak = heapMiB();
      let writeSeconds = 0;
      const start = performance.now();
      const inspected = await inspectFile(file);
      const job = await runImport({
        file,
        inspected,
        mapping: guessMapping(inspected.headers),
        actor: { officer: { province: '310000', policeNumber: '000001', name: '基准' }, stationCode: '310118520000' },
        context: { divisionCode: '310118', today: '2026-11-23' },
        onProgress: (progress) => {
          writeSeconds = progress.writeSeconds;
          peak = Math.max(peak, heapMiB());
        },
      });
      const found = await searchPersons({ text: idTails[0] ?? '', mode: 'auto', page: 0, pageSize: 20 });
      const seconds = (performance.now() - start) / 1000;
      if (job.counts.imported !== persons || found.items.length === 0) {
        throw new Error(`import: ${JSON.stringify(job.counts)} of ${persons}, search found ${found.items.length}`);
      }
      await searchPersons({ text: idTails[1] ?? '', mode: 'auto', page: 0, pageSize: 20 });
      const searchP95 = percentile(await sample(idTails.length, (i) => searchPersons({ text: idTails[i] ?? '', mode: 'auto', page: 0, pageSize: 20 })), 95);
      closeDatabase();
      await Dexie.delete(DATABASE_NAME);
      return [
        { name: 'records.import_persons', value: persons, unit: 'persons' },
        { name: 'records.import_file_mib', value: file.size / (1 << 20), unit: 'MiB' },
        { name: 'records.import_200k_s', value: seconds, unit: 's' },
        { name: 'records.import_rows_per_s', value: persons / seconds, unit: 'rows/s' },
        { name: 'records.import_write_per_s', value: persons / writeSeconds, unit: 'rows/s' },
        { name: 'records.import_worker_wait_s', value: seconds - writeSeconds, unit: 's' },
        { name: 'records.import_idb_floor_rows_per_s', value: await idbFloorRowsPerSecond(), unit: 'rows/s' },
        { name: 'records.import_peak_heap_mib', value: peak, unit: 'MiB' },
        { name: 'records.import_search_id_tail_p95_ms', value: searchP95, unit: 'ms' },
      ];
    },
  },
];
