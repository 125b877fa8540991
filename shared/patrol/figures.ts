import type { InspectionRecord } from './entries';

/**
 * Live figures while inspecting: count per lane, average minutes per vehicle, split by plate province. 已检车辆
 * (`total`, per lane, per province) counts finished vehicles only; the ones under way are `inProgress`.
 */
export interface LiveFigures {
  total: number;
  inProgress: number;
  perLane: Record<number, number>;
  byProvince: Record<string, number>;
  byResult: Record<string, number>;
  /** Average of finished inspections, in minutes; null before the first one finishes. */
  averageMinutes: number | null;
}

export function inspectionMinutes(record: Pick<InspectionRecord, 'startAt' | 'endAt'>): number | null {
  if (!record.endAt) return null;
  const ms = Date.parse(record.endAt) - Date.parse(record.startAt);
  return Number.isFinite(ms) && ms >= 0 ? ms / 60_000 : null;
}

export function liveFigures(records: readonly InspectionRecord[]): LiveFigures {
  const figures: LiveFigures = { total: 0, inProgress: 0, perLane: {}, byProvince: {}, byResult: {}, averageMinutes: null };
  let minutes = 0;
  let finished = 0;
  for (const r of records) {
    if (r.removed) continue;
    const m = inspectionMinutes(r);
    if (m === null || !r.result) {
      figures.inProgress += 1;
      continue;
    }
    figures.total += 1;
    figures.perLane[r.lane] = (figures.perLane[r.lane] ?? 0) + 1;
    figures.byProvince[r.plateProvince] = (figures.byProvince[r.plateProvince] ?? 0) + 1;
    figures.byResult[r.result] = (figures.byResult[r.result] ?? 0) + 1;
    minutes += m;
    finished += 1;
  }
  figures.averageMinutes = finished > 0 ? minutes / finished : null;
  return figures;
}

const isOpen = (r: InspectionRecord): boolean => !r.removed && r.result === null;

/** Inspections `station` started and has not finished, oldest first: several at once, one row each (one per lane or more). */
export function openInspections(records: readonly InspectionRecord[], station: string): InspectionRecord[] {
  return records.filter((r) => isOpen(r) && r.authorStation === station).sort((a, b) => a.startAt.localeCompare(b.startAt));
}

/** The open inspection of this plate in the log, at any station: one vehicle cannot be inspected twice at once. */
export function openInspectionOf(records: readonly InspectionRecord[], plate: string): InspectionRecord | undefined {
  return records.find((r) => isOpen(r) && r.plate === plate);
}

/** Vehicles under way per lane, for the least busy lane's suggestion. */
export function laneLoad(open: readonly Pick<InspectionRecord, 'lane'>[]): Record<number, number> {
  const load: Record<number, number> = {};
  for (const r of open) load[r.lane] = (load[r.lane] ?? 0) + 1;
  return load;
}

/**
 * The screen's inspections: what the live query last read, overlaid with rows this screen saved since (newer
 * revisions win). The figures update the moment an entry is saved, without waiting for IndexedDB to be re-read.
 */
export function overlayRecords(base: readonly InspectionRecord[], overlay: ReadonlyMap<string, InspectionRecord>): InspectionRecord[] {
  if (overlay.size === 0) return [...base];
  const pending = new Map(overlay);
  const merged = base.map((r) => {
    const mine = pending.get(r.id);
    if (!mine) return r;
    pending.delete(r.id);
    return mine.revision > r.revision ? mine : r;
  });
  return [...merged, ...pending.values()];
}
