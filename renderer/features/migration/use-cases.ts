import { computed, type Ref } from 'vue';
import { caseStats } from '@shared/migration/summary';
import { summarize } from '@shared/migration/summary';
import { filterCases, isOverdue, type CaseFilter, type CaseSummary } from '@shared/migration/filters';
import type { MigrationCase } from '@shared/migration/model';
import { terminalStatuses } from '@shared/migration/state-machine';
import { useLiveQuery } from '@renderer/platform/db';
import { migrationNow } from './clock';
import { useMigrationStore } from './store';
import { casesTable } from './tables';

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
