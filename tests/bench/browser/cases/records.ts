import Dexie from 'dexie';
import { generateDemoResidents, type DemoHousehold } from '@shared/demo/residents';
import { createRng } from '@shared/demo/prng';
import type { PersonRow } from '@shared/domain/resident/person';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase, db } from '@renderer/platform/db/connection';
import { bulkLoadHouseholds } from '@renderer/features/records/bulk-load';
import { searchPersons } from '@renderer/features/records/search';
import { searchHouseholds } from '@renderer/features/records/household-search';
import { sealingMiddleware } from '@renderer/platform/db/sealing';
import { schemaVersions } from '@renderer/platform/db/schema';
import { personsTable } from '@renderer/features/records/tables';
import { percentile, sample, type BenchCase } from '../../lib';

/**
 * Resident records at 200,000 persons (issue 3): bulk load, the three index searches (first page of 20 with
 * households joined, as the list shows it) and opening the database cold to the list's first page. Every figure
 * is with the personal fields sealed (issue 14); two more say what opening them costs: one person opened
 * (`person_decrypt_p95_ms`) and the list's first page read through the app minus the same rows read raw
 * (`first_page_decrypt_ms`). Issue 16 adds what window staff type besides (ID tail, birth date, given name), the
 * household list's search, and the one-time schema upgrade that derives those terms for persons stored before it.
 */
const TARGET_PERSONS = 200_000;
const SAMPLES = 200;

const demoSource = () =>
  generateDemoResidents({
    stationCode: '310118520000',
    stationDistrictCode: '310118',
    households: 1_000_000,
    seed: 2026,
    officer: { province: '310000', policeNumber: '000001', name: '基准' },
    today: '2026-11-23',
  });

function generate(): { households: DemoHousehold[]; persons: number } {
  const households: DemoHousehold[] = [];
  let persons = 0;
  for (const item of demoSource()) {
    households.push(item);
    persons += item.persons.length;
    if (persons >= TARGET_PERSONS) break;
  }
  return { households, persons };
}

type QueryKind = 'idPrefixes' | 'names' | 'initials' | 'fullPinyin' | 'ids' | 'idTails' | 'birthDates' | 'givenNames' | 'householdNumbers' | 'householders';

/**
 * Sample queries from persons of the register: ID prefixes of 6–13 digits, whole names or surnames+1, pinyin; and
 * what window staff type besides (issue 16): the ID's last 4, a birth date `19940315`, a given name alone; for the
 * household list, 户号 prefixes and householders' given names.
 */
function pickQueries(households: DemoHousehold[]): Record<QueryKind, string[]> {
  const rng = createRng(7);
  const all: PersonRow[] = households.flatMap((h) => h.persons);
  const picks = Array.from({ length: SAMPLES }, () => rng.pick(all));
  return {
    idPrefixes: picks.map((p) => p.idNumber.slice(0, rng.int(6, 14))),
    names: picks.map((p) => (rng.chance(0.5) ? p.name : p.name.slice(0, 2))),
    initials: picks.map((p) => p.py.at(-1) ?? 'w'),
    fullPinyin: picks.map((p) => p.py[0] ?? 'w'),
    ids: picks.map((p) => p.id),
    idTails: picks.map((p) => p.idNumber.slice(-4)),
    birthDates: picks.map((p) => p.birthDate.replace(/-/g, '')),
    givenNames: picks.map((p) => p.name.slice(1)),
    householdNumbers: picks.map((p) => households.find((h) => h.household.id === p.householdId)?.household.number.slice(0, 7) ?? ''),
    householders: picks.map((p) => households.find((h) => h.household.id === p.householdId)?.persons[0]?.name.slice(1) ?? ''),
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

const householdPage = (text: string) => searchHouseholds({ text, page: 0, pageSize: 20 });

async function householdSearchP95(queries: string[]): Promise<number> {
  await householdPage(queries[0] ?? '');
  return percentile(await sample(queries.length, (i) => householdPage(queries[i] ?? '')), 95);
}

const UPGRADE_PERSONS = 20_000;

/**
 * The schema upgrade that gives persons stored before issue 16 their search terms (version 14): a station at
 * version 13 with 20,000 sealed persons (written through the sealing middleware, as the app wrote them), opened by
 * this version. Every row is opened and sealed again, so this is per person, once per station.
 */
async function termsUpgradePerSecond(): Promise<number> {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
  const old = new Dexie(DATABASE_NAME);
  old.use(sealingMiddleware);
  for (const step of schemaVersions.filter((v) => v.version <= 13)) old.version(step.version).stores(step.stores);
  const persons: Omit<PersonRow, 'terms'>[] = [];
  for (const h of demoSource()) {
    for (const { terms: _terms, ...rest } of h.persons) persons.push(rest);
    if (persons.length >= UPGRADE_PERSONS) break;
  }
  for (let i = 0; i < persons.length; i += 5000) await old.table('persons').bulkPut(persons.slice(i, i + 5000));
  old.close();
  const start = performance.now();
  await db().open();
  const seconds = (performance.now() - start) / 1000;
  const sampleRow = await personsTable().get(persons[0]?.id ?? '');
  if (!sampleRow?.terms.length) throw new Error('the upgrade left a person without terms');
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
  return persons.length / seconds;
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
      const { idPrefixes, names, initials, fullPinyin, ids, idTails, birthDates, givenNames, householdNumbers, householders } = pickQueries(generated.households);
      // The generated rows (hundreds of MB of objects) are dropped before searching: the app never holds the
      // whole register in memory, and keeping it alive would turn every garbage collection into a long pause.
      generated.households = [];
      const idP95 = await searchP95(idPrefixes);
      const nameP95 = await searchP95(names);
      const initialsP95 = await searchP95(initials);
      const fullPinyinP95 = await searchP95(fullPinyin);
      const idTailP95 = await searchP95(idTails);
      const birthDateP95 = await searchP95(birthDates);
      const givenNameP95 = await searchP95(givenNames);
      const householdNumberP95 = await householdSearchP95(householdNumbers);
      const householderP95 = await householdSearchP95(householders);
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
      const upgradePerSecond = await termsUpgradePerSecond();
      const floor = await idbFloorRowsPerSecond();
      return [
        { name: 'records.persons', value: persons, unit: 'persons' },
        { name: 'records.generate_per_s', value: persons / genSeconds, unit: 'persons/s' },
        { name: 'records.bulk_load_per_s', value: persons / loadSeconds, unit: 'persons/s' },
        { name: 'records.search_id_prefix_p95_ms', value: idP95, unit: 'ms' },
        { name: 'records.search_name_p95_ms', value: nameP95, unit: 'ms' },
        { name: 'records.search_pinyin_initials_p95_ms', value: initialsP95, unit: 'ms' },
        { name: 'records.search_pinyin_full_p95_ms', value: fullPinyinP95, unit: 'ms' },
        { name: 'records.search_id_tail_p95_ms', value: idTailP95, unit: 'ms' },
        { name: 'records.search_birth_date_p95_ms', value: birthDateP95, unit: 'ms' },
        { name: 'records.search_given_name_p95_ms', value: givenNameP95, unit: 'ms' },
        { name: 'records.household_number_search_p95_ms', value: householdNumberP95, unit: 'ms' },
        { name: 'records.householder_search_p95_ms', value: householderP95, unit: 'ms' },
        { name: 'records.terms_upgrade_per_s', value: upgradePerSecond, unit: 'persons/s' },
        { name: 'records.open_first_page_ms', value: openMs, unit: 'ms' },
        { name: 'records.person_decrypt_p95_ms', value: personP95, unit: 'ms' },
        { name: 'records.first_page_decrypt_ms', value: decryptMs, unit: 'ms' },
        { name: 'records.first_page_ms', value: pageMs, unit: 'ms' },
        { name: 'records.idb_floor_rows_per_s', value: floor, unit: 'rows/s' },
      ];
    },
  },
];
