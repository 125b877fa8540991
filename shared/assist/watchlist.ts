import { normalizeCitizenId } from '../validation/citizen-id';
import { parsePlate, normalizePlate } from '../validation/plate';
import type { RequestType, Urgency } from './model';
import type { RequestRow } from './state';

/**
 * 布控: a plate or ID number in an open 车辆拦截 or 在逃/嫌疑人员 request is watched at every station it is
 * addressed to (forwarded ones included) until the request closes or its expiry passes.
 */
export const watchedTypes: readonly RequestType[] = ['vehicleIntercept', 'fugitive'];

export interface WatchEntry {
  requestId: string;
  kind: 'plate' | 'idNumber';
  /** Normalised: a plate as the checkpoint stores it (沪A12345), an ID number upper case, 18 digits. */
  value: string;
  /** Expiry (ISO) or null = until closed. */
  until: string | null;
  type: RequestType;
  urgency: Urgency;
  title: string;
  /** What the subject's description says. */
  description: string;
  instructions: string;
  contact: string;
  requesterStation: string;
  requesterStationName: string;
  officerName: string;
}

/** The watch entries a request gives `station` at `now` (none when it is not addressed there, closed or expired). */
export function watchEntriesOf(row: Pick<RequestRow, 'status' | 'request' | 'addressees'>, station: string, now: Date): WatchEntry[] {
  const r = row.request;
  if (row.status !== 'open' || !watchedTypes.includes(r.type)) return [];
  if (!row.addressees.some((a) => a.station === station)) return [];
  if (r.watchUntil && new Date(r.watchUntil) <= now) return [];
  const common = {
    requestId: r.id,
    until: r.watchUntil,
    type: r.type,
    urgency: r.urgency,
    title: r.title,
    instructions: r.instructions,
    contact: r.contact,
    requesterStation: r.requesterStation,
    requesterStationName: r.requesterStationName,
    officerName: r.officer.name,
  };
  return r.subjects.flatMap((s): WatchEntry[] => {
    if (s.kind === 'vehicle') return [{ ...common, kind: 'plate', value: s.plate, description: s.description }];
    return s.idNumber ? [{ ...common, kind: 'idNumber', value: s.idNumber, description: [s.name, s.description].filter(Boolean).join(' ') }] : [];
  });
}

/** A plate as the checkpoint normalises it (parsePlate, else the bare normalisation). */
export function plateKey(input: string): string {
  const parsed = parsePlate(input);
  return parsed.ok ? parsed.value.plate : normalizePlate(input);
}

/**
 * The active entries, indexed for a check per keystroke: a plate or ID number is one map lookup, whatever the
 * number of entries. Expiry is checked again at match time (an index lives as long as the screen).
 */
export class WatchList {
  private readonly byValue = new Map<string, WatchEntry[]>();

  constructor(entries: readonly WatchEntry[]) {
    for (const e of entries) {
      const key = `${e.kind}:${e.value}`;
      const list = this.byValue.get(key);
      if (list) list.push(e);
      else this.byValue.set(key, [e]);
    }
  }

  get size(): number {
    return this.byValue.size;
  }

  private match(key: string, now: Date): WatchEntry[] {
    return (this.byValue.get(key) ?? []).filter((e) => !e.until || new Date(e.until) > now);
  }

  matchPlate(input: string, now: Date = new Date()): WatchEntry[] {
    const key = plateKey(input);
    return key ? this.match(`plate:${key}`, now) : [];
  }

  matchIdNumber(input: string, now: Date = new Date()): WatchEntry[] {
    const key = normalizeCitizenId(input);
    return key ? this.match(`idNumber:${key}`, now) : [];
  }
}

export function buildWatchList(rows: readonly Pick<RequestRow, 'status' | 'request' | 'addressees'>[], station: string, now: Date): WatchList {
  return new WatchList(rows.flatMap((r) => watchEntriesOf(r, station, now)));
}
