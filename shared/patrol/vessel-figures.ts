import type { PatrolLogHeader } from './log';
import { periodOf, type ReportGrouping, type ReportPeriod } from './reports';
import { registryProvince, vesselEndAt, vesselOutcome, type VesselInspection, type VesselOutcome, type VesselPart } from './vessel';

/**
 * 一点四检 figures: vessels per hour, minutes per vessel against the separate checks it replaces, findings per
 * agency, split by the port of registry's province. Shared by the live panel and the reports.
 *
 * "Separate checks" is an estimate from the parts themselves: each unit's share took from boarding (the
 * inspection's start) to its result; checked one after the other at four stops, the vessel would have been held
 * for the sum of those shares (plus stopping and boarding again, which is not counted), jointly only for the
 * longest. `stopsSaved` is the number of stops the vessel did not make (units − 1 per vessel).
 */
export interface VesselSummary {
  vessel: VesselInspection;
  /** The live parts, each with the key its unit counts under (agencyKey). */
  parts: (VesselPart & { agency: string })[];
  outcome: VesselOutcome;
  endAt: string | null;
  /** Joint minutes (start → end); null while under way. */
  minutes: number | null;
  /** Σ of each part's minutes (start → its result), the separate checks' estimate. */
  separateMinutes: number;
  /** GB/T 2260 province code of the port of registry, `foreign`, or `unknown`. */
  province: string;
}

/** The key a part's unit counts under across logs: a station by its province (沪/浙 police), an agency by kind. */
export function agencyKey(header: Pick<PatrolLogHeader, 'units'>, unitId: string): string {
  const unit = header.units.find((u) => u.id === unitId);
  if (!unit) return 'other';
  return unit.kind === 'station' ? `police-${unit.province}` : unit.agency;
}

const minutesBetween = (from: string, to: string): number | null => {
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? ms / 60_000 : null;
};

export function summarizeVessels(header: PatrolLogHeader, vessels: readonly VesselInspection[], parts: readonly VesselPart[]): VesselSummary[] {
  const byVessel = new Map<string, VesselPart[]>();
  for (const p of parts) {
    if (p.removed) continue;
    const list = byVessel.get(p.inspectionId);
    if (list) list.push(p);
    else byVessel.set(p.inspectionId, [p]);
  }
  return vessels
    .filter((v) => !v.removed && v.logId === header.id)
    .map((vessel) => {
      const own = (byVessel.get(vessel.id) ?? []).map((p) => ({ ...p, agency: agencyKey(header, p.unitId) }));
      const outcome = vesselOutcome(header, own);
      const endAt = vesselEndAt(vessel, own, outcome);
      const separateMinutes = own.reduce((sum, p) => sum + (minutesBetween(vessel.startAt, p.at) ?? 0), 0);
      const province = registryProvince(vessel.portOfRegistry) || 'unknown';
      return { vessel, parts: own, outcome, endAt, minutes: endAt ? minutesBetween(vessel.startAt, endAt) : null, separateMinutes, province };
    });
}

export interface VesselFigures {
  /** Vessels whose outcome is decided. */
  total: number;
  inProgress: number;
  released: number;
  notReleased: number;
  /** Decided vessels per hour of checkpoint time (first start to last end); null before one is decided. */
  perHour: number | null;
  averageMinutes: number | null;
  averageSeparateMinutes: number | null;
  stopsSaved: number;
  /** Parts with a result other than 合格, per agencyKey. */
  findingsByAgency: Record<string, number>;
  /** Decided vessels per port-of-registry province. */
  byProvince: Record<string, number>;
}

export function vesselFigures(summaries: readonly VesselSummary[]): VesselFigures {
  const f: VesselFigures = { total: 0, inProgress: 0, released: 0, notReleased: 0, perHour: null, averageMinutes: null, averageSeparateMinutes: null, stopsSaved: 0, findingsByAgency: {}, byProvince: {} };
  let minutes = 0;
  let separate = 0;
  let timed = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (const s of summaries) {
    if (s.outcome.state === 'pending' || s.minutes === null || !s.endAt) {
      f.inProgress += 1;
      continue;
    }
    f.total += 1;
    if (s.outcome.state === 'released') f.released += 1;
    else f.notReleased += 1;
    f.byProvince[s.province] = (f.byProvince[s.province] ?? 0) + 1;
    f.stopsSaved += Math.max(0, s.parts.length - 1);
    minutes += s.minutes;
    separate += s.separateMinutes;
    timed += 1;
    if (first === null || s.vessel.startAt < first) first = s.vessel.startAt;
    if (last === null || s.endAt > last) last = s.endAt;
  }
  for (const s of summaries) for (const p of s.parts) if (p.result !== 'pass') f.findingsByAgency[p.agency] = (f.findingsByAgency[p.agency] ?? 0) + 1;
  if (timed > 0) {
    f.averageMinutes = minutes / timed;
    f.averageSeparateMinutes = separate / timed;
    const span = first && last ? minutesBetween(first, last) : null;
    // Under a minute of checkpoint time is not an hourly rate: count it as one minute.
    f.perHour = span === null ? null : (timed * 60) / Math.max(1, span);
  }
  return f;
}

export interface VesselReportRow extends Omit<VesselFigures, 'inProgress'> {
  period: string;
  group: string;
}

/**
 * Daily or weekly 一点四检 figures per station (a vessel counts for the station that stopped it) or per joint
 * operation, in the patrol reports beside the road figures.
 */
export function buildVesselReport(
  input: { headers: readonly PatrolLogHeader[]; vessels: readonly VesselInspection[]; vesselParts: readonly VesselPart[] },
  period: ReportPeriod,
  grouping: ReportGrouping,
): VesselReportRow[] {
  const groups = new Map<string, { period: string; group: string; summaries: VesselSummary[] }>();
  const vesselsByLog = new Map<string, VesselInspection[]>();
  const partsByLog = new Map<string, VesselPart[]>();
  const add = <T>(map: Map<string, T[]>, key: string, item: T) => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  for (const v of input.vessels) add(vesselsByLog, v.logId, v);
  for (const p of input.vesselParts) add(partsByLog, p.logId, p);
  for (const header of input.headers) {
    const vessels = vesselsByLog.get(header.id);
    if (!vessels) continue;
    for (const s of summarizeVessels(header, vessels, partsByLog.get(header.id) ?? [])) {
      const p = periodOf(header.date, period);
      const group = grouping === 'operation' ? header.operation : s.vessel.authorStation;
      const key = `${p}|${group}`;
      const slot = groups.get(key) ?? { period: p, group, summaries: [] };
      slot.summaries.push(s);
      groups.set(key, slot);
    }
  }
  return [...groups.values()]
    .map(({ period: p, group, summaries }) => {
      const { inProgress: _skip, ...figures } = vesselFigures(summaries);
      return { period: p, group, ...figures };
    })
    .sort((a, b) => a.period.localeCompare(b.period) || a.group.localeCompare(b.group));
}
