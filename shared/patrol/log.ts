import { z } from 'zod';
import { provinceCode } from '../domain/province';
import { stationCode } from '../domain/station';
import { POLICE_NUMBER_PATTERN } from '../validation/police-number';
import { documentText } from '../validation/document-text';
import { checkpointConfig } from './checkpoint';
import { waterCheckpointConfig } from './water-checkpoint';

/** 巡逻类型: 联合巡逻, 武装巡逻, 公安检查站/道口查控 "一点两检", 水上 "一点四检", 高速省际. */
export const patrolTypes = ['joint', 'armed', 'checkpoint', 'water', 'expressway'] as const;
export const patrolType = z.enum(patrolTypes);
export type PatrolType = z.infer<typeof patrolType>;

/** 班次 */
export const shifts = ['early', 'day', 'night'] as const;
export const shift = z.enum(shifts);

/** 天气 */
export const weathers = ['sunny', 'cloudy', 'overcast', 'rain', 'snow', 'fog', 'wind'] as const;
export const weather = z.enum(weathers);

/** Other agencies that join a patrol without running the app (海事, 交通执法, 城管, 边防/水警 …). */
export const agencyKinds = ['maritime', 'transport', 'urbanManagement', 'waterPolice', 'other'] as const;
export const agencyKind = z.enum(agencyKinds);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export const ulidId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'ULID');

/**
 * A participating unit: a station on the roster (it co-authors and confirms through sync) or another agency (its
 * people are entered by the log's owner station and it does not sign in the app).
 */
export const patrolUnit = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('station'), id: stationCode, name: z.string().min(1).max(40), province: provinceCode }),
  z.object({ kind: z.literal('agency'), id: z.string().regex(/^agency-[a-z0-9-]{1,40}$/), name: z.string().min(1).max(40), agency: agencyKind }),
]);
export type PatrolUnit = z.infer<typeof patrolUnit>;

/** 巡逻日志 (header): owned by the station that opened it; only that station changes it. */
export const patrolLogHeader = z
  .object({
    id: ulidId,
    /** 日志编号, e.g. XL-20261123-310118520000-01 */
    number: z.string().min(3).max(60),
    ownerStation: stationCode,
    /** 联合行动 (joint operation) this log belongs to, for reports; empty when none. */
    operation: z.string().max(60),
    date: isoDate,
    shift,
    startTime: clock,
    endTime: clock.nullable(),
    type: patrolType,
    units: z.array(patrolUnit).min(1).max(20),
    plannedRoute: z.string().max(500),
    actualRoute: z.string().max(500),
    /** 网格 / 卡口 */
    grid: z.string().max(100),
    weather,
    /** Lanes of the checkpoint (一点两检); null for patrols that are not at a checkpoint. */
    checkpoint: checkpointConfig.nullable(),
    /** 一点四检 set-up of a water checkpoint (outcome rule, agency hosts); absent = the default (water-checkpoint.ts). */
    water: waterCheckpointConfig.optional(),
    revision: z.number().int().positive(),
    updatedAt: z.iso.datetime(),
  })
  .refine((h) => new Set(h.units.map((u) => u.id)).size === h.units.length, { message: 'duplicate unit', path: ['units'] })
  .refine((h) => h.units.some((u) => u.kind === 'station' && u.id === h.ownerStation), { message: 'owner must take part', path: ['units'] })
  .refine(
    (h) =>
      (h.water?.hosts ?? []).every(
        (host) => h.units.some((u) => u.kind === 'agency' && u.id === host.unitId) && h.units.some((u) => u.kind === 'station' && u.id === host.station),
      ),
    { message: 'host must be a station of the log hosting an agency of the log', path: ['water'] },
  );
export type PatrolLogHeader = z.infer<typeof patrolLogHeader>;

/** A person on patrol: 警号 + name for police; agency staff may have no 警号. */
export const patrolMember = z.object({
  policeNumber: z.string().refine((v) => v === '' || POLICE_NUMBER_PATTERN.test(v), 'policeNumber'),
  name: documentText('name', 30, { required: true }),
});
export type PatrolMember = z.infer<typeof patrolMember>;

export const vehicleKinds = ['car', 'motorbike', 'vessel', 'other'] as const;
export const patrolVehicle = z.object({ kind: z.enum(vehicleKinds), identifier: z.string().trim().min(1).max(30) });
export const equipmentKinds = ['bodyCamera', 'radio', 'firearm', 'drone', 'other'] as const;
export const patrolEquipment = z.object({ kind: z.enum(equipmentKinds), number: z.string().trim().min(1).max(40) });

/**
 * One unit's contingent (带班 leader, 队员 members, 车辆/船艇, 装备): written by that unit's station (by the owner
 * station for agencies), so two stations never edit the same row.
 */
export const patrolContingent = z.object({
  id: z.string().min(1).max(80),
  logId: ulidId,
  unitId: z.string().min(1).max(60),
  authorStation: stationCode,
  leader: patrolMember.nullable(),
  members: z.array(patrolMember).max(60),
  vehicles: z.array(patrolVehicle).max(30),
  equipment: z.array(patrolEquipment).max(100),
  revision: z.number().int().positive(),
  updatedAt: z.iso.datetime(),
});
export type PatrolContingent = z.infer<typeof patrolContingent>;

export const contingentId = (logId: string, unitId: string): string => `${logId}:${unitId}`;

/** Station units, the ones whose leaders must confirm (签认). */
export function stationUnits(header: Pick<PatrolLogHeader, 'units'>): Extract<PatrolUnit, { kind: 'station' }>[] {
  return header.units.filter((u): u is Extract<PatrolUnit, { kind: 'station' }> => u.kind === 'station');
}

/** The station that writes a unit's contingent: the unit itself, or the owner for an agency. */
export function contingentAuthor(header: Pick<PatrolLogHeader, 'ownerStation'>, unit: PatrolUnit): string {
  return unit.kind === 'station' ? unit.id : header.ownerStation;
}
