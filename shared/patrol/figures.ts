import type { InspectionRecord } from './entries';

/** Live figures while inspecting: count per lane, average minutes per vehicle, split by plate province. */
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
    figures.total += 1;
    figures.perLane[r.lane] = (figures.perLane[r.lane] ?? 0) + 1;
    figures.byProvince[r.plateProvince] = (figures.byProvince[r.plateProvince] ?? 0) + 1;
    const m = inspectionMinutes(r);
    if (m === null || !r.result) {
      figures.inProgress += 1;
      continue;
    }
    figures.byResult[r.result] = (figures.byResult[r.result] ?? 0) + 1;
    minutes += m;
    finished += 1;
  }
  figures.averageMinutes = finished > 0 ? minutes / finished : null;
  return figures;
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
