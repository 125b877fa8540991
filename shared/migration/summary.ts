import { workingDayDeadline, type MigrationTimeLimits } from './deadlines';
import type { CaseSummary } from './filters';
import type { MigrationCase } from './model';
import { migrationStatuses, type MigrationStatus } from './state-machine';

/** The working-day limit running at this station now, if any (origin: answer the permit; destination: settle). */
export function currentDeadline(c: MigrationCase, limits: MigrationTimeLimits): string | null {
  if (c.side === 'origin' && c.status === 'permitIssued' && c.permitReceivedAt) {
    return workingDayDeadline(c.permitReceivedAt, limits.originWorkingDays, limits);
  }
  if (c.side === 'destination' && c.status === 'certificateIssued' && c.certificateReceivedAt) {
    return workingDayDeadline(c.certificateReceivedAt, limits.settlementWorkingDays, limits);
  }
  return null;
}

export function summarize(c: MigrationCase, limits: MigrationTimeLimits): CaseSummary {
  const counterpart = c.side === 'destination' ? c.intake.origin : c.destinationStation;
  return {
    id: c.id,
    side: c.side,
    status: c.status,
    category: c.intake.category,
    applicantName: c.intake.applicant.name,
    applicantIdNumber: c.intake.applicant.idNumber,
    counterpartCode: counterpart.code,
    counterpartName: counterpart.name,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    deadline: currentDeadline(c, limits),
    permitNumber: c.permit?.number ?? '',
    certificateNumber: c.certificate?.number ?? '',
  };
}

export interface CaseStats {
  byStatus: Record<MigrationStatus, number>;
  total: number;
  settled: number;
  /** Mean days from intake to settlement over settled cases; null when none is settled yet. */
  averageTurnaroundDays: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function caseStats(rows: readonly Pick<MigrationCase, 'status' | 'createdAt' | 'settlement'>[]): CaseStats {
  const byStatus = Object.fromEntries(migrationStatuses.map((s) => [s, 0])) as Record<MigrationStatus, number>;
  let turnaroundSum = 0;
  let settled = 0;
  for (const r of rows) {
    byStatus[r.status] += 1;
    if (r.status === 'settled' && r.settlement) {
      settled += 1;
      turnaroundSum += (Date.parse(r.settlement.at) - Date.parse(r.createdAt)) / DAY_MS;
    }
  }
  return { byStatus, total: rows.length, settled, averageTurnaroundDays: settled === 0 ? null : turnaroundSum / settled };
}
