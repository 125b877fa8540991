import Dexie from 'dexie';
import { generateDemoResidents, type DemoHousehold } from '@shared/demo/residents';
import { createRng } from '@shared/demo/prng';
import type { PersonRow } from '@shared/domain/resident/person';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase, db } from '@renderer/platform/db/connection';
import { bulkLoadHouseholds } from '@renderer/features/records/bulk-load';
import { searchPersons } from '@renderer/features/records/search';
import { personsTable } from '@renderer/features/records/tables';
import { percentile, sample, type BenchCase } from '../../lib';

/**
 * Resident records at 200,000 persons (issue 3): bulk load, the three index searches (first page of 20 with
 * households joined, as the list shows it) and opening the database cold to the list's first page. Every figure
 * is with the personal fields sealed (issue 14); two more say what opening them costs: one person opened
 * (`person_decrypt_p95_ms`) and the list's first page read through the app minus the same rows read raw
 * (`first_page_decrypt_ms`).
 */
const TARGET_PERSONS = 200_000;
const SAMPLES = 200;

function generate(): { households: DemoHousehold[]; persons: number } {
  const households: DemoHousehold[] = [];
  let persons = 0;
  const source = generateDemoResidents({
    stationCode: '310118520000',
    stationDistrictCode: '310118',
    households: 1_000_000,
    seed: 2026,
    officer: { province: '310000', policeNumber: '000001', name: '基准' },
    today: '2026-11-23',
  });
  for (const item of source) {
    households.push(item);
    persons += item.persons.length;
    if (persons >= TARGET_PERSONS) break;
  }
  return { households, persons };
}

/** Sample queries from persons of the register: ID prefixes of 6–13 digits, whole names or surnames+1, pinyin. */
function pickQueries(households: DemoHousehold[]): Record<'idPrefixes' | 'names' | 'initials' | 'fullPinyin' | 'ids', string[]> {
  const rng = createRng(7);
  const all: PersonRow[] = households.flatMap((h) => h.persons);
  const picks = Array.from({ length: SAMPLES }, () => rng.pick(all));
  return {
    idPrefixes: picks.map((p) => p.idNumber.slice(0, rng.int(6, 14))),
    names: picks.map((p) => (rng.chance(0.5) ? p.name : p.name.slice(0, 2))),
    initials: picks.map((p) => p.py.at(-1) ?? 'w'),
    fullPinyin: picks.map((p) => p.py[0] ?? 'w'),
    ids: picks.map((p) => p.id),
  };
}

/**
 * What this browser's IndexedDB can do at best on this machine: 50,000 one-field rows, no index, relaxed
 * durability, in batches like the bulk load. Printed beside bulk_load_per_s so the two can be read together.
 */
async function idbFloorRowsPerSecond(): Promise<number> {
  const name = 'bench-idb-floor';
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

const firstPage = (text: string) => searchPersons({ text, mode: 'auto', page: 0, pageSize: 20 });

/** The list's first page as IndexedDB holds it (no sealing middleware): the same reads, nothing opened. */
async function rawFirstPage(raw: Dexie): Promise<void> {
  const rows = (await raw.table('persons').orderBy('sortKey').limit(21).toArray()) as PersonRow[];
  await raw.table('households').bulkGet([...new Set(rows.map((p) => p.householdId))]);
}

const median = (samples: number[]) => percentile(samples, 50);

/** Median first page through the app (opened) minus the same page read raw, and the app's figure itself. */
async function firstPageDecrypt(): Promise<{ decryptMs: number; pageMs: number }> {
  await firstPage('');
  const pageMs = median(await sample(SAMPLES, () => firstPage('')));
  const raw = new Dexie(DATABASE_NAME);
  await raw.open();
  try {
    await rawFirstPage(raw);
    const rawMs = median(await sample(SAMPLES, () => rawFirstPage(raw)));
    return { decryptMs: Math.max(0, pageMs - rawMs), pageMs };
  } finally {
    raw.close();
  }
}

async function searchP95(queries: string[]): Promise<number> {
  await firstPage(queries[0] ?? '');
  return percentile(await sample(queries.length, (i) => firstPage(queries[i] ?? '')), 95);
}

export const cases: BenchCase[] = [
  {
    name: 'records',
    async run() {
      closeDatabase();
      await Dexie.delete(DATABASE_NAME);
      const genStart = performance.now();
      const generated = generate();
      const genSeconds = (performance.now() - genStart) / 1000;
      await db().open();

      const loadStart = performance.now();
      await bulkLoadHouseholds(generated.households, generated.households.length);
      const loadSeconds = (performance.now() - loadStart) / 1000;

      const { persons } = generated;
      const { idPrefixes, names, initials, fullPinyin, ids } = pickQueries(generated.households);
      // The generated rows (hundreds of MB of objects) are dropped before searching: the app never holds the
      // whole register in memory, and keeping it alive would turn every garbage collection into a long pause.
      generated.households = [];
      const idP95 = await searchP95(idPrefixes);
      const nameP95 = await searchP95(names);
      const initialsP95 = await searchP95(initials);
      const fullPinyinP95 = await searchP95(fullPinyin);
      await personsTable().get(ids[0] ?? '');
      const personP95 = percentile(await sample(ids.length, (i) => personsTable().get(ids[i] ?? '')), 95);
      const { decryptMs, pageMs } = await firstPageDecrypt();

      closeDatabase();
      const openStart = performance.now();
      await db().open();
      const page = await searchPersons({ text: '', mode: 'auto', page: 0, pageSize: 20 });
      const openMs = performance.now() - openStart;
      if (page.items.length !== 20) throw new Error('first page is not full');

      closeDatabase();
      await Dexie.delete(DATABASE_NAME);
      const floor = await idbFloorRowsPerSecond();
      return [
        { name: 'records.persons', value: persons, unit: 'persons' },
        { name: 'records.generate_per_s', value: persons / genSeconds, unit: 'persons/s' },
        { name: 'records.bulk_load_per_s', value: persons / loadSeconds, unit: 'persons/s' },
        { name: 'records.search_id_prefix_p95_ms', value: idP95, unit: 'ms' },
        { name: 'records.search_name_p95_ms', value: nameP95, unit: 'ms' },
        { name: 'records.search_pinyin_initials_p95_ms', value: initialsP95, unit: 'ms' },
        { name: 'records.search_pinyin_full_p95_ms', value: fullPinyinP95, unit: 'ms' },
        { name: 'records.open_first_page_ms', value: openMs, unit: 'ms' },
        { name: 'records.person_decrypt_p95_ms', value: personP95, unit: 'ms' },
        { name: 'records.first_page_decrypt_ms', value: decryptMs, unit: 'ms' },
        { name: 'records.first_page_ms', value: pageMs, unit: 'ms' },
        { name: 'records.idb_floor_rows_per_s', value: floor, unit: 'rows/s' },
      ];
    },
  },
];
