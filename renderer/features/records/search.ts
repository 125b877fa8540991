import type { Collection } from 'dexie';
import type { HouseholdRow } from '@shared/domain/resident/household';
import type { PersonRow } from '@shared/domain/resident/person';
import { ID_TAIL_LENGTH, TERM, typedBirthDate } from '@shared/domain/resident/search-keys';
import { householdsTable, personsTable } from './tables';

/**
 * Search over the persons, always through an index (never a table scan), so it stays fast at 200,000 rows:
 * ID prefix on `idNumber`, pinyin (full or initials) prefix on the multi-entry `py`, and on the multi-entry `terms`
 * (see personTerms): name or given name prefix, the ID number's last four characters, the birth date; household
 * number prefix and address fragment (bigram index) on households. Households themselves: household-search.ts.
 */
export const searchModes = ['auto', 'idNumber', 'idTail', 'birthDate', 'name', 'pinyin', 'household', 'address'] as const;
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
const ID_TAIL = new RegExp(`^\\d{${ID_TAIL_LENGTH - 1}}[\\dxX]$`);

/** What the text most likely is: digits are an ID number, Latin letters pinyin, anything else a name. */
export function detectMode(text: string): ResolvedMode {
  return autoModes(text)[0] ?? 'all';
}

/**
 * The modes `auto` tries, in order, until one finds someone: four digits are what staff read off the end of an ID
 * card (`0243`), eight a birth date (`19940315`) when they form one; then an ID prefix, then a 户号; a name (or
 * given name) falls back to an address fragment.
 */
export function autoModes(text: string): ResolvedMode[] {
  const q = text.trim();
  if (q === '') return ['all'];
  if (ID_TAIL.test(q)) return ['idTail', 'idNumber', 'household'];
  if (typedBirthDate(q) !== null) return /^\d+$/.test(q) ? ['birthDate', 'idNumber', 'household'] : ['birthDate'];
  if (/^\d+[xX]?$/.test(q)) return ['idNumber', 'household'];
  if (/^[a-zA-Z]+$/.test(q)) return ['pinyin'];
  return ['name', 'address'];
}

function page(collection: Collection<PersonRow, string>, query: SearchQuery): Promise<PersonRow[]> {
  return collection
    .offset(query.page * query.pageSize)
    .limit(query.pageSize + 1)
    .toArray();
}

/**
 * A multi-entry index can hold one person several times in a range (full pinyin and initials both match `w`; a
 * name and its given name both match `n:雨`). Dexie's distinct() would walk a cursor; reading the primary keys in
 * one call, de-duplicating and fetching just the page is several times faster.
 */
async function distinctPage(index: 'py' | 'terms', prefix: string, query: SearchQuery, exact = false): Promise<PersonRow[]> {
  const wanted = (query.page + 1) * query.pageSize + 1;
  const clause = personsTable().where(index);
  const keys = await (exact ? clause.equals(prefix) : clause.startsWith(prefix)).limit(wanted * 2).primaryKeys();
  const unique = [...new Set(keys)].slice(query.page * query.pageSize, wanted);
  const rows = await personsTable().bulkGet(unique);
  return rows.filter((p): p is PersonRow => p !== undefined);
}

export async function householdIds(mode: 'household' | 'address', text: string, limit = MAX_HOUSEHOLDS): Promise<string[]> {
  if (mode === 'household') return householdsTable().where('number').startsWith(text).limit(limit).primaryKeys();
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 2) return [];
  // The bigram index narrows to candidates; the whole fragment is then checked on each. The last bigram is
  // used because the district name at the start of an address is not indexed (see addressGrams).
  const candidates = await householdsTable().where('grams').equals(compact.slice(-2)).toArray();
  return candidates.filter((h) => h.address.includes(compact)).slice(0, limit).map((h) => h.id);
}

async function personsOf(mode: ResolvedMode, query: SearchQuery): Promise<PersonRow[]> {
  const q = query.text.trim();
  const persons = personsTable();
  switch (mode) {
    case 'all':
      return page(persons.orderBy('sortKey'), query);
    case 'idNumber':
      return page(persons.where('idNumber').startsWith(q.toUpperCase()), query);
    case 'idTail':
      return distinctPage('terms', TERM.idTail + q.toUpperCase(), query, true);
    case 'birthDate': {
      const date = typedBirthDate(q);
      return date === null ? [] : distinctPage('terms', TERM.birthDate + date, query, true);
    }
    case 'name':
      return distinctPage('terms', TERM.name + q.replace(/\s+/g, ''), query);
    case 'pinyin':
      return distinctPage('py', q.toLowerCase(), query);
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

/**
 * The first of `modes` that finds anyone. Later pages stay in the mode the first page used: a mode is skipped
 * only when it finds nobody at all (a one-row probe of its first page).
 */
async function firstFinding(modes: readonly ResolvedMode[], query: SearchQuery): Promise<{ mode: ResolvedMode; rows: PersonRow[] }> {
  for (const [i, mode] of modes.entries()) {
    if (i < modes.length - 1) {
      if (query.page === 0) {
        const rows = await personsOf(mode, query);
        if (rows.length > 0) return { mode, rows };
        continue;
      }
      if ((await personsOf(mode, { ...query, page: 0, pageSize: 1 })).length === 0) continue;
    }
    return { mode, rows: await personsOf(mode, query) };
  }
  return { mode: 'all', rows: [] };
}

/** One page of persons matching the query; `auto` tries the modes autoModes lists, in order. */
export async function searchPersons(query: SearchQuery): Promise<SearchResult> {
  const { mode, rows } = await firstFinding(query.mode === 'auto' ? autoModes(query.text) : [query.mode], query);
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
  const ids = await householdIds(mode, q, limit);
  const rows = await householdsTable().bulkGet(ids);
  return rows.filter((h): h is HouseholdRow => h !== undefined);
}
