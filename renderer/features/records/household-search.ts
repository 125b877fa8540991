import type { Transaction } from 'dexie';
import type { HouseholdRow } from '@shared/domain/resident/household';
import type { PersonRow } from '@shared/domain/resident/person';
import { TERM } from '@shared/domain/resident/search-keys';
import { householdIds } from './search';
import { householdsTable, personsTable } from './tables';

/**
 * The household list (issue 16): every household, also one with no member yet, found by 户号 prefix, address
 * fragment or the 户主's name (or given name), each through an index like the person search.
 */
export type HouseholdMode = 'all' | 'household' | 'address' | 'householder';

export interface HouseholdQuery {
  text: string;
  page: number;
  pageSize: number;
}

export interface HouseholdListItem {
  household: HouseholdRow;
  householder: PersonRow | undefined;
  /** Members registered (在册) in it now. */
  registered: number;
}

export interface HouseholdResult {
  items: HouseholdListItem[];
  hasMore: boolean;
  mode: HouseholdMode;
}

/** Digits are a 户号; anything else is first a 户主's name, then an address fragment. */
export function householdModes(text: string): HouseholdMode[] {
  const q = text.trim();
  if (q === '') return ['all'];
  if (/^\d+$/.test(q)) return ['household'];
  return ['householder', 'address'];
}

const CHUNK = 50;
/** About one person in three is a 户主: the first read takes this many keys per household wanted. */
const KEYS_PER_HOUSEHOLD = 6;

/**
 * Households whose registered 户主 matches the name: persons are read a chunk at a time from the `terms` range
 * (a common given name matches thousands) until the page is full, keeping only householders. The range's keys are
 * read in a bounded first call, and all of them only when that did not fill the page.
 */
async function householderPage(text: string, query: HouseholdQuery): Promise<HouseholdRow[]> {
  const wanted = (query.page + 1) * query.pageSize + 1;
  const range = () => personsTable().where('terms').startsWith(TERM.name + text.replace(/\s+/g, ''));
  const bounded = wanted * KEYS_PER_HOUSEHOLD;
  const firstKeys = await range().limit(bounded).primaryKeys();
  const found = await householdsAmong([...new Set(firstKeys)], wanted);
  const complete = found.length >= wanted || firstKeys.length < bounded ? found : await householdsAmong([...new Set(await range().primaryKeys())], wanted);
  const ids = complete.slice(query.page * query.pageSize, wanted);
  const rows = await householdsTable().bulkGet(ids);
  return rows.filter((h): h is HouseholdRow => h !== undefined);
}

/** The households (in order, each once) of the registered householders among `personIds`, up to `wanted`. */
async function householdsAmong(personIds: string[], wanted: number): Promise<string[]> {
  const found = new Set<string>();
  for (let i = 0; i < personIds.length && found.size < wanted; i += CHUNK) {
    const persons = await personsTable().bulkGet(personIds.slice(i, i + CHUNK));
    for (const p of persons) if (p && p.relationship === '02' && p.status.code === 'registered') found.add(p.householdId);
  }
  return [...found];
}

async function householdsOf(mode: HouseholdMode, query: HouseholdQuery): Promise<HouseholdRow[]> {
  const q = query.text.trim();
  const from = query.page * query.pageSize;
  switch (mode) {
    case 'all':
      return householdsTable().orderBy('number').offset(from).limit(query.pageSize + 1).toArray();
    case 'householder':
      return householderPage(q, query);
    case 'household':
    case 'address': {
      const ids = (await householdIds(mode, q)).slice(from, from + query.pageSize + 1);
      const rows = await householdsTable().bulkGet(ids);
      return rows.filter((h): h is HouseholdRow => h !== undefined);
    }
  }
}

/**
 * Each household's members in one getAll per household, side by side: Dexie's anyOf() would walk one cursor over
 * them all, a row at a time (and open each sealed row on its own), several times slower for a page of 20.
 */
async function listItems(rows: HouseholdRow[]): Promise<HouseholdListItem[]> {
  const members = await Promise.all(rows.map((h) => personsTable().where('householdId').equals(h.id).toArray()));
  return rows.map((household, i) => {
    const own = members[i] ?? [];
    return {
      household,
      householder: own.find((p) => p.id === household.householderId),
      registered: own.filter((p) => p.status.code === 'registered').length,
    };
  });
}

/** One page of households; a name that matches no 户主 is tried as an address fragment. */
export async function searchHouseholds(query: HouseholdQuery): Promise<HouseholdResult> {
  const modes = householdModes(query.text);
  let mode: HouseholdMode = modes[0] ?? 'all';
  let rows: HouseholdRow[] = [];
  for (const candidate of modes) {
    mode = candidate;
    rows = await householdsOf(candidate, query);
    if (rows.length > 0 || query.page > 0) break;
  }
  return { items: await listItems(rows.slice(0, query.pageSize)), hasMore: rows.length > query.pageSize, mode };
}

/**
 * The 户号 a new household is offered: the station's numbers are `<3 digits of the station code><6-digit
 * sequence>` (as the demo data numbers them), so the next after the highest with that prefix, skipping any taken.
 * Editable in the form; the create command checks it is free inside its transaction.
 */
export async function nextHouseholdNumber(stationCode: string, tx?: Transaction): Promise<string> {
  const table = householdsTable(tx);
  const prefix = /^\d{3}$/.test(stationCode.slice(6, 9)) ? stationCode.slice(6, 9) : '100';
  const sequence = (number: string) => Number(number.slice(prefix.length));
  const highest = await table.where('number').between(`${prefix}000000`, `${prefix}999999`, true, true).last();
  let next = highest ? sequence(highest.number) + 1 : 1;
  for (let tries = 0; tries < 1000 && next <= 999_999; tries += 1, next += 1) {
    const number = `${prefix}${String(next).padStart(6, '0')}`;
    if ((await table.where('number').equals(number).count()) === 0) return number;
  }
  throw new Error('records: no free household number in the station sequence');
}
