import dayjs from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek';
import type { PatrolLogHeader } from './log';
import { stationUnits } from './log';
import type { InspectionRecord, PatrolEventRow } from './entries';
import { inspectionMinutes } from './figures';

dayjs.extend(isoWeek);

export type ReportPeriod = 'day' | 'week';
export type ReportGrouping = 'station' | 'operation';

export interface ReportInput {
  headers: readonly PatrolLogHeader[];
  events: readonly PatrolEventRow[];
  inspections: readonly InspectionRecord[];
}

export interface ReportRow {
  /** The day (YYYY-MM-DD) or the Monday of the ISO week. */
  period: string;
  /** A station code, or the joint operation's name ('' = logs not in an operation). */
  group: string;
  patrols: number;
  personsChecked: number;
  vehiclesChecked: number;
  /** 发现问题: persons not cleared, events of type hazard/incident, inspections not released. */
  findings: number;
  averageInspectionMinutes: number | null;
  /** Vehicles checked by plate province character. */
  byProvince: Record<string, number>;
}

interface Accumulator extends Omit<ReportRow, 'averageInspectionMinutes'> {
  minutes: number;
  timed: number;
  logs: Set<string>;
}

export function periodOf(date: string, period: ReportPeriod): string {
  return period === 'day' ? date : dayjs(date).startOf('isoWeek').format('YYYY-MM-DD');
}

function groupsOf(header: PatrolLogHeader, grouping: ReportGrouping): string[] {
  return grouping === 'operation' ? [header.operation] : stationUnits(header).map((u) => u.id);
}

/** Daily or weekly figures per station or per joint operation. Entries count for their author (inspections for the inspecting unit). */
export function buildReport(input: ReportInput, period: ReportPeriod, grouping: ReportGrouping): ReportRow[] {
  const rows = new Map<string, Accumulator>();
  const headers = new Map(input.headers.map((h) => [h.id, h]));
  const slot = (header: PatrolLogHeader, group: string): Accumulator => {
    const p = periodOf(header.date, period);
    const key = `${p}|${group}`;
    let acc = rows.get(key);
    if (!acc) {
      acc = { period: p, group, patrols: 0, personsChecked: 0, vehiclesChecked: 0, findings: 0, byProvince: {}, minutes: 0, timed: 0, logs: new Set() };
      rows.set(key, acc);
    }
    return acc;
  };
  const entryGroup = (header: PatrolLogHeader, station: string): string => (grouping === 'operation' ? header.operation : station);

  for (const header of input.headers) for (const g of groupsOf(header, grouping)) slot(header, g).logs.add(header.id);
  for (const e of input.events) {
    const header = headers.get(e.logId);
    if (!header || e.removed) continue;
    const acc = slot(header, entryGroup(header, e.authorStation));
    acc.personsChecked += e.persons.length;
    acc.findings += e.persons.filter((p) => p.result !== 'clear').length + (e.type === 'hazard' || e.type === 'incident' ? 1 : 0);
    if (e.vehicle) {
      acc.vehiclesChecked += 1;
      acc.byProvince[e.vehicle.province] = (acc.byProvince[e.vehicle.province] ?? 0) + 1;
    }
  }
  for (const r of input.inspections) {
    const header = headers.get(r.logId);
    if (!header || r.removed) continue;
    const acc = slot(header, entryGroup(header, r.inspectingUnit));
    acc.vehiclesChecked += 1;
    acc.personsChecked += r.occupants;
    acc.byProvince[r.plateProvince] = (acc.byProvince[r.plateProvince] ?? 0) + 1;
    if (r.result && r.result !== 'release') acc.findings += 1;
    const m = inspectionMinutes(r);
    if (m !== null && r.result) {
      acc.minutes += m;
      acc.timed += 1;
    }
  }
  return [...rows.values()]
    .map(({ minutes, timed, logs, ...row }) => ({ ...row, patrols: logs.size, averageInspectionMinutes: timed > 0 ? minutes / timed : null }))
    .sort((a, b) => a.period.localeCompare(b.period) || a.group.localeCompare(b.group));
}

/** Share of each plate province among the vehicles of the given rows, as fractions summing to 1. */
export function provinceShare(rows: readonly Pick<ReportRow, 'byProvince'>[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const row of rows) for (const [p, n] of Object.entries(row.byProvince)) totals[p] = (totals[p] ?? 0) + n;
  const sum = Object.values(totals).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries(totals).map(([p, n]) => [p, sum > 0 ? n / sum : 0]));
}
