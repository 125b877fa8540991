import { addresseeOf, type RequestRow } from './state';

/**
 * 协查 numbers: per request, minutes to first 签收 and first feedback per addressee; per station over a period,
 * requests raised and answered, median response times and hits.
 */
const minutesBetween = (from: string, to: string | null): number | null => (to ? Math.max(0, (Date.parse(to) - Date.parse(from)) / 60_000) : null);

export interface AddresseeFigures {
  station: string;
  signMinutes: number | null;
  firstFeedbackMinutes: number | null;
  answered: boolean;
  hits: number;
}

export function requestFigures(row: RequestRow): AddresseeFigures[] {
  return row.addressees.map((a) => ({
    station: a.station,
    signMinutes: minutesBetween(a.addedAt, a.signedAt),
    firstFeedbackMinutes: minutesBetween(a.addedAt, a.firstFeedbackAt),
    answered: a.answeredAt !== null,
    hits: row.hits.filter((h) => h.station === a.station).length,
  }));
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface StationFigures {
  station: string;
  raised: number;
  received: number;
  answered: number;
  medianSignMinutes: number | null;
  medianFirstFeedbackMinutes: number | null;
  hits: number;
}

/** Figures for each station that raised or was addressed in [from, to) (requests by the time they were raised). */
export function stationFigures(rows: readonly RequestRow[], from: Date, to: Date): StationFigures[] {
  const inPeriod = rows.filter((r) => {
    const t = Date.parse(r.raisedAt);
    return t >= from.getTime() && t < to.getTime();
  });
  const stations = new Set<string>();
  for (const r of inPeriod) {
    stations.add(r.request.requesterStation);
    for (const a of r.addressees) stations.add(a.station);
  }
  return [...stations].sort().map((station) => {
    const addressed = inPeriod.map((r) => ({ r, a: addresseeOf(r, station) })).filter((x) => x.a !== null);
    const figures = addressed.map(({ r }) => requestFigures(r).find((f) => f.station === station)).filter((f) => f !== undefined);
    return {
      station,
      raised: inPeriod.filter((r) => r.request.requesterStation === station).length,
      received: addressed.length,
      answered: figures.filter((f) => f.answered).length,
      medianSignMinutes: median(figures.flatMap((f) => (f.signMinutes === null ? [] : [f.signMinutes]))),
      medianFirstFeedbackMinutes: median(figures.flatMap((f) => (f.firstFeedbackMinutes === null ? [] : [f.firstFeedbackMinutes]))),
      hits: inPeriod.reduce((n, r) => n + r.hits.filter((h) => h.station === station).length, 0),
    };
  });
}
