import { computed, type Ref } from 'vue';
import { caseStats, summarize } from '@shared/migration/summary';
import { filterCases, isOverdue, type CaseFilter, type CaseSummary } from '@shared/migration/filters';
import type { MigrationCase, PersonIdentity } from '@shared/migration/model';
import { terminalStatuses } from '@shared/migration/state-machine';
import { useLiveQuery } from '@renderer/platform/db';
import { migrationNow } from './clock';
import { useMigrationStore } from './store';
import type { PersonRow } from '@shared/domain/resident/person';
import { findPersonByIdNumber } from './records-port';
import { casesTable, draftsTable, type DraftRow } from './tables';

/** The migration feature's reads for the screens, as liveQuery composables (writes are in service.ts). */

/** Every case of this station as a live list, with its summaries, the filtered view and the counters. */
export function useCases(filter: Ref<CaseFilter>) {
  const store = useMigrationStore();
  const { value: rows } = useLiveQuery<MigrationCase[]>(() => casesTable().toArray());
  const summaries = computed<CaseSummary[]>(() => (rows.value ?? []).map((c) => summarize(c, store.config.limits)));
  const filtered = computed(() => filterCases(summaries.value, filter.value, migrationNow()));
  const stats = computed(() => caseStats(rows.value ?? []));
  const overdue = computed(() => summaries.value.filter((s) => isOverdue(s, migrationNow())).length);
  const open = computed(() => summaries.value.filter((s) => !terminalStatuses.includes(s.status)).length);
  const counterparts = computed(() => {
    const seen = new Map<string, string>();
    for (const s of summaries.value) seen.set(s.counterpartCode, s.counterpartName);
    return [...seen].map(([code, name]) => ({ code, name }));
  });
  return { rows, summaries, filtered, stats, overdue, open, counterparts };
}

/** The intake drafts (saved as typed), newest first. */
export const useDrafts = () => useLiveQuery<DraftRow[]>(() => draftsTable().orderBy('updatedAt').reverse().toArray()).value;

export const readDraft = (id: string): Promise<DraftRow | undefined> => draftsTable().get(id);

/** One case, live (the other station's events change it too). */
export const useCase = (id: Ref<string>) => useLiveQuery<MigrationCase | undefined>(() => casesTable().get(id.value), [id]).value;

/** 比对: this station's record of each person (by ID number), live. */
export const usePersonRecords = (people: Ref<PersonIdentity[]>) =>
  useLiveQuery<(PersonRow | undefined)[]>(() => Promise.all(people.value.map((p) => findPersonByIdNumber(p.idNumber))), [people]).value;
