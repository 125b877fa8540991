import type { MigrationCategory } from './categories';
import type { MigrationStatus, Side } from './state-machine';

/**
 * The case list's filtering, pure so the view and the benchmark run the same code over the same summaries.
 */
export interface CaseSummary {
  id: string;
  side: Side;
  status: MigrationStatus;
  category: MigrationCategory;
  applicantName: string;
  applicantIdNumber: string;
  /** The other station of the case (origin for a destination case, and vice versa). */
  counterpartCode: string;
  counterpartName: string;
  createdAt: string;
  updatedAt: string;
  /** When the current step's working-day limit runs out, if a limit applies to this station now. */
  deadline: string | null;
  permitNumber: string;
  certificateNumber: string;
}

export interface CaseFilter {
  statuses: MigrationStatus[];
  categories: MigrationCategory[];
  counterpartCode: string;
  overdueOnly: boolean;
  /** Matches name, ID number or document numbers. */
  text: string;
}

export const emptyFilter = (): CaseFilter => ({ statuses: [], categories: [], counterpartCode: '', overdueOnly: false, text: '' });

export function isOverdue(summary: Pick<CaseSummary, 'deadline'>, now: Date): boolean {
  return summary.deadline !== null && now.getTime() > Date.parse(summary.deadline);
}

export function filterCases(rows: readonly CaseSummary[], filter: CaseFilter, now: Date): CaseSummary[] {
  const text = filter.text.trim().toUpperCase();
  const statuses = new Set(filter.statuses);
  const categories = new Set(filter.categories);
  const nowMs = now.getTime();
  const out: { row: CaseSummary; overdue: boolean }[] = [];
  for (const r of rows) {
    const overdue = r.deadline !== null && nowMs > Date.parse(r.deadline);
    if (statuses.size > 0 && !statuses.has(r.status)) continue;
    if (categories.size > 0 && !categories.has(r.category)) continue;
    if (filter.counterpartCode !== '' && r.counterpartCode !== filter.counterpartCode) continue;
    if (filter.overdueOnly && !overdue) continue;
    if (text !== '' && !matchesText(r, text)) continue;
    out.push({ row: r, overdue });
  }
  // Overdue first (they need action), then newest activity; ISO times compare as strings.
  out.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.row.updatedAt < b.row.updatedAt ? 1 : a.row.updatedAt > b.row.updatedAt ? -1 : 0));
  return out.map((o) => o.row);
}

function matchesText(r: CaseSummary, text: string): boolean {
  return r.applicantName.includes(text) || r.applicantIdNumber.includes(text) || r.permitNumber.includes(text) || r.certificateNumber.includes(text);
}
