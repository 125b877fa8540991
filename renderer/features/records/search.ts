import type { Collection } from 'dexie';
import type { HouseholdRow } from '@shared/domain/resident/household';
import type { PersonRow } from '@shared/domain/resident/person';
import { householdsTable, personsTable } from './tables';

/**
 * Search over the persons, always through an index (never a table scan), so it stays fast at 200,000 rows:
 * ID prefix on `idNumber`, name prefix on `name`, pinyin (full or initials) prefix on the multi-entry `py`,
 * household number prefix and address fragment (bigram index) on households.
 */
export const searchModes = ['auto', 'idNumber', 'name', 'pinyin', 'household', 'address'] as const;
export type SearchMode = (typeof searchModes)[number];
export type ResolvedMode = Exclude<SearchMode, 'auto'> | 'all';

export interface SearchQuery {
  text: string;
  mode: SearchMode;
  page: number;
  pageSize: number;
}

export interface PersonListItem {
  person: PersonRow;
  household: HouseholdRow | undefined;
}

export interface SearchResult {
  items: PersonListItem[];
  hasMore: boolean;
  mode: ResolvedMode;
}

const MAX_HOUSEHOLDS = 500;

/** What the text most likely is: digits are an ID number, Latin letters pinyin, anything else a name. */
export function detectMode(text: string): ResolvedMode {
  const q = text.trim();
  if (q === '') return 'all';
  if (/^\d+[xX]?$/.test(q)) return 'idNumber';
  if (/^[a-zA-Z]+$/.test(q)) return 'pinyin';
  return 'name';
}

function page(collection: Collection<PersonRow, string>, query: SearchQuery): Promise<PersonRow[]> {
  return collection
    .offset(query.page * query.pageSize)
    .limit(query.pageSize + 1)
    .toArray();
}

/**
 * Full pinyin and initials may both match (`w`), so a person can appear twice in the index range. Dexie's
 * distinct() would walk a cursor; reading the primary keys in one call (at most two per person), de-duplicating
 * and fetching just the page is several times faster.
 */
async function pinyinPage(prefix: string, query: SearchQuery): Promise<PersonRow[]> {
  const wanted = (query.page + 1) * query.pageSize + 1;
  const keys = await personsTable().where('py').startsWith(prefix).limit(wanted * 2).primaryKeys();
  const unique = [...new Set(keys)].slice(query.page * query.pageSize, wanted);
  const rows = await personsTable().bulkGet(unique);
  return rows.filter((p): p is PersonRow => p !== undefined);
}

async function householdIds(mode: 'household' | 'address', text: string): Promise<string[]> {
  if (mode === 'household') return householdsTable().where('number').startsWith(text).limit(MAX_HOUSEHOLDS).primaryKeys();
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 2) return [];
  // The bigram index narrows to candidates; the whole fragment is then checked on each. The last bigram is
  // used because the district name at the start of an address is not indexed (see addressGrams).
  const candidates = await householdsTable().where('grams').equals(compact.slice(-2)).toArray();
  return candidates.filter((h) => h.address.includes(compact)).slice(0, MAX_HOUSEHOLDS).map((h) => h.id);
}

async function personsOf(mode: ResolvedMode, query: SearchQuery): Promise<PersonRow[]> {
  const q = query.text.trim();
  const persons = personsTable();
  switch (mode) {
    case 'all':
      return page(persons.orderBy('sortKey'), query);
    case 'idNumber':
      return page(persons.where('idNumber').startsWith(q.toUpperCase()), query);
    case 'name':
      return page(persons.where('name').startsWith(q), query);
    case 'pinyin':
      return pinyinPage(q.toLowerCase(), query);
    case 'household':
    case 'address': {
      const ids = await householdIds(mode, q);
      if (ids.length === 0) return [];
      return page(persons.where('householdId').anyOf(ids), query);
    }
  }
}

async function withHouseholds(rows: PersonRow[]): Promise<PersonListItem[]> {
  const ids = [...new Set(rows.map((p) => p.householdId))];
  const households = await householdsTable().bulkGet(ids);
  const byId = new Map(households.filter((h): h is HouseholdRow => h !== undefined).map((h) => [h.id, h]));
  return rows.map((person) => ({ person, household: byId.get(person.householdId) }));
}

/** One page of persons matching the query; `auto` falls back (ID → household number, name → address). */
export async function searchPersons(query: SearchQuery): Promise<SearchResult> {
  let mode: ResolvedMode = query.mode === 'auto' ? detectMode(query.text) : query.mode;
  let rows = await personsOf(mode, query);
  if (query.mode === 'auto' && rows.length === 0 && query.page === 0) {
    const fallback: ResolvedMode | null = mode === 'idNumber' ? 'household' : mode === 'name' ? 'address' : null;
    if (fallback) {
      mode = fallback;
      rows = await personsOf(mode, query);
    }
  }
  const hasMore = rows.length > query.pageSize;
  return { items: await withHouseholds(rows.slice(0, query.pageSize)), hasMore, mode };
}

export async function householdMembers(householdId: string): Promise<PersonRow[]> {
  const rows = await personsTable().where('householdId').equals(householdId).toArray();
  return rows.sort((a, b) => a.personNo - b.personNo);
}

/** Households by number prefix or address fragment, for pickers (move a person, settle a migrant). */
export async function findHouseholds(text: string, limit = 20): Promise<HouseholdRow[]> {
  const q = text.trim();
  if (q === '') return householdsTable().orderBy('number').limit(limit).toArray();
  const mode = /^\d+$/.test(q) ? 'household' : 'address';
  const ids = (await householdIds(mode, q)).slice(0, limit);
  const rows = await householdsTable().bulkGet(ids);
  return rows.filter((h): h is HouseholdRow => h !== undefined);
}
