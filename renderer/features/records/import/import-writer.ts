import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import { ulid } from 'ulid';
import { countRow, type ImportCounts, type RowOutcome } from '@shared/domain/resident/import/accounting';
import { refusedRowId, type ImportJob, type RefusedRow } from '@shared/domain/resident/import/job';
import type { PreparedRow } from '@shared/domain/resident/import/worker-protocol';
import type { HouseholdRow } from '@shared/domain/resident/household';
import type { OfficerRef } from '@shared/domain/officer';
import { changedFields, fieldText, type PersonChange, type PersonFields, type PersonRow } from '@shared/domain/resident/person';
import { guardedWrite } from '@renderer/platform/db';
import { HOUSEHOLDS_TABLE, IMPORT_JOBS_TABLE, IMPORT_REFUSED_TABLE, PERSON_CHANGES_TABLE, PERSONS_TABLE, householdsTable, importJobsTable, importRefusedTable, personChangesTable, personsTable } from '../tables';

/**
 * Writes one chunk of prepared rows in ONE transaction: new households and persons, changed ones with their
 * change log (reason 批量导入 + file name), refused rows, and the job's progress. Either all of it commits or
 * none, so `committedRows` never runs ahead of the persons and a resumed run starts after the last chunk that
 * committed. A person is matched by ID number (registered persons only, as the forms' uniqueness rule), then by
 * 户号+人号; nothing is ever deleted. Records are station-local (their commands emit no sync events), so neither
 * does an import; its audit entry is written when the run ends (import-runner.ts).
 */
export const IMPORT_WRITE_TABLES = [HOUSEHOLDS_TABLE, PERSONS_TABLE, PERSON_CHANGES_TABLE, IMPORT_JOBS_TABLE, IMPORT_REFUSED_TABLE];

type ValidRow = Extract<PreparedRow, { ok: true }>;

/** What the change log says of an imported change: the file it came from (stored in Chinese, like the forms' reasons). */
export const importReason = (fileName: string): string => `批量导入 ${fileName}`;

interface ChunkState {
  tx: Transaction;
  job: ImportJob;
  at: string;
  officer: OfficerRef;
  stationCode: string;
  /** 户号 → household (read from the database for this chunk, or created by it). */
  households: Map<string, HouseholdRow>;
  /** ID number → registered person. */
  byId: Map<string, PersonRow>;
  /** `householdId:人号` → person. */
  bySlot: Map<string, PersonRow>;
  /** Highest 人号 per household id, for rows without one. */
  lastNo: Map<string, number>;
  householdsOut: Map<string, HouseholdRow>;
  personsOut: Map<string, PersonRow>;
  changesOut: PersonChange[];
  /** Households whose 户主 must be derived again after the chunk (a member changed relationship or moved). */
  refresh: Set<string>;
}

const slot = (householdId: string, personNo: number) => `${householdId}:${personNo}`;

/** Households of these numbers. On a station that was empty, one range read (an export is in 户号 order, so the
 * range holds this chunk's households and at most the one continued from the chunk before), not a seek per number. */
function householdsNumbered(tx: Transaction, numbers: readonly string[], emptyAtStart: boolean): Promise<HouseholdRow[]> {
  if (numbers.length === 0) return Promise.resolve([]);
  if (!emptyAtStart) return householdsTable(tx).where('number').anyOf(numbers).toArray();
  const sorted = [...numbers].sort();
  const wanted = new Set(numbers);
  return householdsTable(tx)
    .where('number')
    .between(sorted[0] ?? '', sorted[sorted.length - 1] ?? '', true, true)
    .filter((h) => wanted.has(h.number))
    .toArray();
}

async function readContext(tx: Transaction, rows: readonly ValidRow[], emptyAtStart: boolean): Promise<Pick<ChunkState, 'households' | 'byId' | 'bySlot' | 'lastNo'>> {
  const numbers = [...new Set(rows.map((r) => r.household.number))];
  // On a station that was empty, a person of this file can only repeat one met earlier in it, which the worker refused.
  const ids = emptyAtStart ? [] : [...new Set(rows.map((r) => r.person.idNumber))];
  const [households, sameIds] = await Promise.all([householdsNumbered(tx, numbers, emptyAtStart), ids.length ? personsTable(tx).where('idNumber').anyOf(ids).toArray() : []]);
  const householdIds = households.map((h) => h.id);
  const members = householdIds.length ? await personsTable(tx).where('householdId').anyOf(householdIds).toArray() : [];
  const bySlot = new Map<string, PersonRow>();
  const lastNo = new Map<string, number>();
  for (const p of members) {
    bySlot.set(slot(p.householdId, p.personNo), p);
    lastNo.set(p.householdId, Math.max(lastNo.get(p.householdId) ?? 0, p.personNo));
  }
  return {
    households: new Map(households.map((h) => [h.number, h])),
    byId: new Map(sameIds.filter((p) => p.status.code === 'registered').map((p) => [p.idNumber, p])),
    bySlot,
    lastNo,
  };
}

function householdFor(state: ChunkState, row: ValidRow): { household: HouseholdRow; changed: boolean } {
  const { number, kind, address, divisionCode, issueDate } = row.household;
  const known = state.households.get(number);
  if (!known) {
    const created: HouseholdRow = {
      id: ulid(), number, kind, address, divisionCode, issueDate, stationCode: state.stationCode, householderId: null,
      createdAt: state.at, createdBy: state.officer, updatedAt: state.at, grams: row.keys.grams,
    };
    state.households.set(number, created);
    state.householdsOut.set(created.id, created);
    return { household: created, changed: true };
  }
  if (known.kind === kind && known.address === address) return { household: known, changed: false };
  // A newer export moved the household's address or kind: the household is updated (its members keep theirs).
  const updated: HouseholdRow = { ...known, kind, address, updatedAt: state.at, grams: row.keys.grams };
  state.households.set(number, updated);
  state.householdsOut.set(updated.id, updated);
  return { household: updated, changed: true };
}

function nextNo(state: ChunkState, householdId: string, given: number | null): number {
  const no = given ?? (state.lastNo.get(householdId) ?? 0) + 1;
  state.lastNo.set(householdId, Math.max(state.lastNo.get(householdId) ?? 0, no));
  return no;
}

function remember(state: ChunkState, person: PersonRow): void {
  state.byId.set(person.idNumber, person);
  state.bySlot.set(slot(person.householdId, person.personNo), person);
  state.personsOut.set(person.id, person);
}

function logEntries(state: ChunkState, personId: string, fields: readonly string[], before: Record<string, unknown>, after: Record<string, unknown>): void {
  const reason = importReason(state.job.fileName);
  for (const field of fields) {
    state.changesOut.push({ id: ulid(), personId, field, oldValue: fieldText(before[field]), newValue: fieldText(after[field]), officer: state.officer, at: state.at, reason });
  }
}

function applyRow(state: ChunkState, row: ValidRow): RowOutcome {
  const { household, changed: householdChanged } = householdFor(state, row);
  const matched = state.byId.get(row.person.idNumber) ?? (row.personNo !== null ? state.bySlot.get(slot(household.id, row.personNo)) : undefined);
  const fields: PersonFields = row.person;
  if (!matched) {
    const person: PersonRow = {
      ...fields,
      id: ulid(),
      householdId: household.id,
      personNo: nextNo(state, household.id, row.personNo),
      status: { code: 'registered', date: state.at.slice(0, 10), reason: '', reference: '', destination: '' },
      registeredAt: state.at,
      registeredBy: state.officer,
      updatedAt: state.at,
      sortKey: row.keys.sortKey,
      py: row.keys.py,
      terms: row.keys.terms,
    };
    remember(state, person);
    if (person.relationship === '02') state.refresh.add(household.id);
    return 'imported';
  }
  const changed = changedFields(matched, fields);
  const moved = matched.householdId !== household.id;
  if (changed.length === 0 && !moved) return householdChanged ? 'updated' : 'unchanged';
  const next: PersonRow = {
    ...matched,
    ...fields,
    householdId: household.id,
    personNo: moved ? nextNo(state, household.id, row.personNo) : matched.personNo,
    updatedAt: state.at,
    sortKey: row.keys.sortKey,
    py: row.keys.py,
    terms: row.keys.terms,
  };
  logEntries(state, matched.id, changed, matched, fields);
  if (moved) {
    const from = [...state.households.values()].find((h) => h.id === matched.householdId);
    logEntries(state, matched.id, ['household'], { household: from?.number ?? matched.householdId }, { household: household.number });
    state.refresh.add(matched.householdId);
  }
  if (moved || changed.includes('relationship')) state.refresh.add(household.id);
  remember(state, next);
  return 'updated';
}

/** Each refreshed household's 户主 is its registered member whose relationship is 户主 (02), as commands.ts has it. */
async function refreshHouseholders(state: ChunkState): Promise<void> {
  if (state.refresh.size === 0) return;
  const ids = [...state.refresh];
  const stored = await personsTable(state.tx).where('householdId').anyOf(ids).toArray();
  const members = new Map<string, PersonRow>(stored.map((p) => [p.id, p]));
  for (const p of state.personsOut.values()) members.set(p.id, p);
  const households = new Map((await householdsTable(state.tx).bulkGet(ids)).filter((h): h is HouseholdRow => h !== undefined).map((h) => [h.id, h]));
  for (const h of state.householdsOut.values()) households.set(h.id, h);
  for (const id of ids) {
    const household = households.get(id);
    if (!household) continue;
    const head = [...members.values()].find((p) => p.householdId === id && p.relationship === '02' && p.status.code === 'registered')?.id ?? null;
    if (household.householderId !== head) state.householdsOut.set(id, { ...household, householderId: head });
  }
}

export interface ChunkInput {
  rows: readonly PreparedRow[];
  through: number;
  blank: number;
}

/** Writes a chunk and returns the job as committed with it. */
export function writeChunk(connection: Dexie, job: ImportJob, chunk: ChunkInput, actor: { officer: OfficerRef; stationCode: string }): Promise<ImportJob> {
  const valid = chunk.rows.filter((r): r is ValidRow => r.ok);
  return guardedWrite(() =>
    connection.transaction('rw', IMPORT_WRITE_TABLES, async (tx) => {
      const at = new Date().toISOString();
      const state: ChunkState = {
        tx, job, at, officer: actor.officer, stationCode: actor.stationCode, ...(await readContext(tx, valid, job.emptyAtStart)),
        householdsOut: new Map(), personsOut: new Map(), changesOut: [], refresh: new Set(),
      };
      let counts: ImportCounts = job.counts;
      const refused: RefusedRow[] = [];
      for (const row of chunk.rows) {
        if (row.ok) counts = countRow(counts, applyRow(state, row));
        else {
          counts = countRow(counts, 'refused');
          refused.push({ id: refusedRowId(job.id, row.row), jobId: job.id, row: row.row, cells: row.cells, issues: row.issues });
        }
      }
      await refreshHouseholders(state);
      const next: ImportJob = { ...job, counts: { ...counts, blank: chunk.blank }, committedRows: chunk.through, updatedAt: at };
      await Promise.all([
        state.householdsOut.size ? householdsTable(tx).bulkPut([...state.householdsOut.values()]) : null,
        state.personsOut.size ? personsTable(tx).bulkPut([...state.personsOut.values()]) : null,
        state.changesOut.length ? personChangesTable(tx).bulkAdd(state.changesOut) : null,
        refused.length ? importRefusedTable(tx).bulkPut(refused) : null,
        importJobsTable(tx).put(next),
      ]);
      return next;
    }),
  );
}
