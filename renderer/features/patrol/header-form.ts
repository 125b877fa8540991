import { pinyin } from 'pinyin-pro';
import dayjs from 'dayjs';
import type { ProvinceCode } from '@shared/domain/province';
import type { CheckpointConfig, CheckpointLane } from '@shared/patrol/checkpoint';
import { exampleCheckpoint } from '@shared/patrol/checkpoint';
import type { agencyKinds, PatrolLogHeader, PatrolType, PatrolUnit, shifts, weathers } from '@shared/patrol/log';
import type { WaterCheckpointConfig } from '@shared/patrol/water-checkpoint';
import type { HeaderInput } from './store';

/** What the header form edits: flat, plain values (so a draft is plain JSON). */
export interface HeaderFormValue {
  date: string;
  shift: (typeof shifts)[number];
  startTime: string;
  endTime: string;
  type: PatrolType;
  operation: string;
  stationCodes: string[];
  agencies: { name: string; agency: (typeof agencyKinds)[number] }[];
  plannedRoute: string;
  actualRoute: string;
  grid: string;
  weather: (typeof weathers)[number];
  checkpointName: string;
  lanes: CheckpointLane[];
  /** 一点四检 (water logs): whether 责令整改 releases the vessel or holds it. */
  rectification: WaterCheckpointConfig['rectification'];
  /** Agencies hosted by another station than the owner: kept as set, dropped with their agency. */
  hosts: WaterCheckpointConfig['hosts'];
}

export interface StationChoice {
  code: string;
  name: string;
  province: ProvinceCode;
}

export const usesLanes = (type: PatrolType): boolean => type === 'checkpoint' || type === 'water';

/** What a station knows of itself for a new log: its last checkpoint set-up and its name. */
export interface HeaderDefaults {
  previous?: CheckpointConfig | null;
  stationName?: string;
}

/**
 * A new log's form. The checkpoint comes from this station's own data, never from the 申嘉湖高速 example every
 * station would share: its last checkpoint log's name and lanes, else "<station> 卡口" (edited as needed; a
 * placeholder shows an example when it is empty). Lanes without a previous set-up start from the example's layout.
 */
export function emptyHeaderForm(self: string, now = dayjs(), defaults: HeaderDefaults = {}): HeaderFormValue {
  const { previous = null, stationName = '' } = defaults;
  const lanes = previous?.lanes ?? exampleCheckpoint.lanes;
  return {
    date: now.format('YYYY-MM-DD'),
    shift: now.hour() >= 18 || now.hour() < 6 ? 'night' : 'day',
    startTime: now.format('HH:mm'),
    endTime: '',
    type: 'joint',
    operation: '',
    stationCodes: [self],
    agencies: [],
    plannedRoute: '',
    actualRoute: '',
    grid: '',
    weather: 'sunny',
    checkpointName: previous?.name ?? (stationName ? `${stationName} 卡口` : ''),
    lanes: lanes.map((l) => ({ ...l, plateProvinces: [...l.plateProvinces] })),
    rectification: 'hold',
    hosts: [],
  };
}

export function headerToForm(h: PatrolLogHeader): HeaderFormValue {
  const blank = emptyHeaderForm(h.ownerStation);
  return {
    date: h.date,
    shift: h.shift,
    startTime: h.startTime,
    endTime: h.endTime ?? '',
    type: h.type,
    operation: h.operation,
    stationCodes: h.units.filter((u) => u.kind === 'station').map((u) => u.id),
    agencies: h.units.flatMap((u) => (u.kind === 'agency' ? [{ name: u.name, agency: u.agency }] : [])),
    plannedRoute: h.plannedRoute,
    actualRoute: h.actualRoute,
    grid: h.grid,
    weather: h.weather,
    checkpointName: h.checkpoint?.name ?? blank.checkpointName,
    lanes: h.checkpoint ? h.checkpoint.lanes.map((l) => ({ ...l, plateProvinces: [...l.plateProvinces] })) : blank.lanes,
    rectification: h.water?.rectification ?? blank.rectification,
    hosts: (h.water?.hosts ?? []).map((x) => ({ ...x })),
  };
}

/** A stable id for an agency from its name (pinyin), so its contingent keeps its key when the log is edited. */
export function agencyId(name: string): string {
  const slug = pinyin(name.trim(), { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `agency-${slug || 'unit'}`;
}

export type HeaderFormErrors = Partial<Record<'date' | 'startTime' | 'endTime' | 'stationCodes' | 'lanes' | 'agencies' | 'checkpointName', string>>;

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Field errors as i18n keys (shown beside each field in zh-CN); empty when the form can be saved. */
export function validateHeaderForm(v: HeaderFormValue, self: string): HeaderFormErrors {
  const errors: HeaderFormErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) errors.date = 'patrol.errors.required';
  if (!CLOCK.test(v.startTime)) errors.startTime = 'patrol.errors.time';
  if (v.endTime && !CLOCK.test(v.endTime)) errors.endTime = 'patrol.errors.time';
  // A night shift runs past midnight, so its end may be "before" its start.
  else if (v.endTime && v.shift !== 'night' && v.endTime < v.startTime) errors.endTime = 'patrol.errors.endBeforeStart';
  if (!v.stationCodes.includes(self) || v.stationCodes.length < 2) errors.stationCodes = 'patrol.errors.stationsMin';
  const ids = v.agencies.map((a) => agencyId(a.name));
  if (v.agencies.some((a) => !a.name.trim())) errors.agencies = 'patrol.errors.required';
  else if (new Set(ids).size !== ids.length) errors.agencies = 'patrol.errors.duplicateUnit';
  if (usesLanes(v.type) && !v.checkpointName.trim()) errors.checkpointName = 'patrol.errors.required';
  if (usesLanes(v.type) && (v.lanes.length === 0 || new Set(v.lanes.map((l) => l.lane)).size !== v.lanes.length)) errors.lanes = 'patrol.errors.lanes';
  return errors;
}

/** The header input from a valid form; station names come from the roster (or the log, for stations since removed from it). */
export function formToHeader(v: HeaderFormValue, stationOf: (code: string) => StationChoice | undefined): HeaderInput {
  const stations: PatrolUnit[] = v.stationCodes.flatMap((code) => {
    const s = stationOf(code);
    return s ? [{ kind: 'station' as const, id: s.code, name: s.name, province: s.province }] : [];
  });
  const agencies: PatrolUnit[] = v.agencies.map((a) => ({ kind: 'agency' as const, id: agencyId(a.name), name: a.name.trim(), agency: a.agency }));
  return {
    date: v.date,
    shift: v.shift,
    startTime: v.startTime,
    endTime: v.endTime || null,
    type: v.type,
    operation: v.operation.trim(),
    units: [...stations, ...agencies],
    plannedRoute: v.plannedRoute,
    actualRoute: v.actualRoute,
    grid: v.grid,
    weather: v.weather,
    checkpoint: usesLanes(v.type) ? { name: v.checkpointName.trim(), lanes: [...v.lanes].sort((a, b) => a.lane - b.lane) } : null,
    ...(v.type === 'water'
      ? {
          water: {
            rectification: v.rectification,
            hosts: v.hosts.filter((h) => agencies.some((a) => a.id === h.unitId) && stations.some((s) => s.id === h.station)),
          },
        }
      : {}),
  };
}
