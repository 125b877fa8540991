import { z } from 'zod';
import { stationCode } from '../domain/station';
import { isKnownDivision } from '../validation/division-codes';
import { parseVesselId } from '../validation/vessel-id';
import { documentText } from '../validation/document-text';
import { checkedPerson } from './entries';
import { stationUnits, ulidId, type PatrolLogHeader, type PatrolUnit } from './log';
import { defaultWaterCheckpoint, type WaterCheckpointConfig } from './water-checkpoint';

/**
 * 一点四检: one joint inspection of a vessel at a water checkpoint. The vessel row (name, number, port of registry,
 * type, cargo, persons checked, times) belongs to the station that stopped the vessel; every participating unit —
 * both provinces' stations and the agencies of the log (海事, 交通执法 …) — adds its own part on the same
 * inspection. Each row has one author station, as every co-authored patrol row has, so two stations never edit
 * the same row; the outcome (放行 or not) is derived from the parts, never stored.
 */

/** 船舶类型: 货船, 客船, 渔船, 工程船, 其他. */
export const vesselTypes = ['cargo', 'passenger', 'fishing', 'engineering', 'other'] as const;
export const vesselType = z.enum(vesselTypes);
export type VesselType = z.infer<typeof vesselType>;

/** Each unit's result on its part: 合格, 责令整改, 移交, 扣留. */
export const partResults = ['pass', 'rectify', 'handover', 'detain'] as const;
export const partResult = z.enum(partResults);
export type PartResult = z.infer<typeof partResult>;

/** What a unit checked: 船舶证书, 船员适任, 人员身份, 货物, 危险品, 消防救生, 防污染, 航行安全, 其他. */
export const partChecks = ['certificates', 'crewCompetence', 'identity', 'cargo', 'dangerousGoods', 'lifesaving', 'pollution', 'navigation', 'other'] as const;
export const partCheck = z.enum(partChecks);
export type PartCheck = z.infer<typeof partCheck>;

/** What each kind of unit usually checks: the part's default, so a key press records a typical part. */
export function defaultChecks(unit: PatrolUnit): PartCheck[] {
  if (unit.kind === 'station') return ['identity'];
  if (unit.agency === 'maritime') return ['certificates', 'crewCompetence', 'navigation'];
  if (unit.agency === 'transport') return ['certificates', 'cargo'];
  return ['other'];
}

/** 船舶识别号, normalised; '' when the vessel was entered by name alone (the number follows). */
export const vesselNumberValue = z.string().superRefine((value, ctx) => {
  if (value === '') return;
  const parsed = parseVesselId(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `vesselNumber.${parsed.error}` });
  else if (parsed.value !== value) ctx.addIssue({ code: 'custom', message: 'vesselNumber.format' });
});

/**
 * 船籍港: the GB/T 2260 code of the registering city (上海 310000, 嘉兴 330400, 苏州 320500); `foreign` for a
 * vessel registered abroad; '' not yet known. The province follows from the code, never typed.
 */
export const FOREIGN_PORT = 'foreign';
export const portOfRegistryValue = z.string().refine((v) => v === '' || v === FOREIGN_PORT || (/^\d{6}$/.test(v) && isKnownDivision(v)), 'portOfRegistry');

/** The province a port of registry implies: a GB/T 2260 province code, `foreign`, or '' when unknown. */
export function registryProvince(port: string): string {
  if (port === '' || port === FOREIGN_PORT) return port;
  return `${port.slice(0, 2)}0000`;
}

/** A person checked on board: crew (船员) or passenger (旅客), the ID number validated per GB 11643. */
export const vesselPerson = checkedPerson.extend({ role: z.enum(['crew', 'passenger']) });
export type VesselPerson = z.infer<typeof vesselPerson>;

const authored = {
  logId: ulidId,
  authorStation: stationCode,
  /** `province:警号` of the officer who typed it. */
  authorOfficer: z.string().min(1).max(40),
  revision: z.number().int().positive(),
  updatedAt: z.iso.datetime(),
  removed: z.boolean(),
};

/** The vessel and what was found on board; written by the station that stopped it. */
export const vesselInspection = z
  .object({
    id: ulidId,
    ...authored,
    vesselName: documentText('text', 40),
    vesselNumber: vesselNumberValue,
    portOfRegistry: portOfRegistryValue,
    vesselType,
    cargo: z.string().max(100),
    /** 危险品: what dangerous goods are carried (UN number or name); '' none. */
    dangerousGoods: z.string().max(100),
    persons: z.array(vesselPerson).max(200),
    startAt: z.iso.datetime(),
    /** Set when the author closes the inspection; otherwise it ends with the last part (vesselEndAt). */
    endAt: z.iso.datetime().nullable(),
  })
  .refine((v) => v.vesselName !== '' || v.vesselNumber !== '', { message: 'vesselNameOrNumber', path: ['vesselName'] });
export type VesselInspection = z.infer<typeof vesselInspection>;

/** One unit's check of one vessel; its id is `<inspection id>:<unit id>`, so a unit has one part per vessel. */
export const vesselPart = z.object({
  id: z.string().min(1).max(110),
  inspectionId: ulidId,
  unitId: z.string().min(1).max(60),
  ...authored,
  checks: z.array(partCheck).min(1).max(partChecks.length),
  findings: z.string().max(500),
  result: partResult,
  /** 检查人: the officer of the unit who did the check (for an agency, its own officer, recorded on its behalf). */
  officerName: documentText('name', 30, { required: true }),
  at: z.iso.datetime(),
});
export type VesselPart = z.infer<typeof vesselPart>;

export const vesselPartId = (inspectionId: string, unitId: string): string => `${inspectionId}:${unitId}`;

type Header = Pick<PatrolLogHeader, 'units' | 'ownerStation' | 'water'>;

export const waterConfigOf = (header: Pick<PatrolLogHeader, 'water'>): WaterCheckpointConfig => header.water ?? defaultWaterCheckpoint;

/**
 * The station that writes a unit's part: a station its own; an agency's, the station hosting it (the checkpoint's
 * set-up, else the owner). Null when the unit is not in the log.
 */
export function partAuthor(header: Header, unitId: string): string | null {
  const unit = header.units.find((u) => u.id === unitId);
  if (!unit) return null;
  if (unit.kind === 'station') return unit.id;
  return waterConfigOf(header).hosts.find((h) => h.unitId === unitId)?.station ?? header.ownerStation;
}

/** Whether the part of `unitId` is recorded on an agency's behalf (代录) rather than by the unit itself. */
export const recordedOnBehalf = (header: Pick<PatrolLogHeader, 'units'>, unitId: string): boolean => header.units.find((u) => u.id === unitId)?.kind === 'agency';

export type PartWriteCheck = { ok: true } | { ok: false; reason: 'noUnit' | 'notPartAuthor' };

/** May `station` write the part of `unitId`? Its own, and the agencies' it hosts; never the other station's. */
export function checkPartWrite(header: Header, station: string, unitId: string): PartWriteCheck {
  const author = partAuthor(header, unitId);
  if (author === null) return { ok: false, reason: 'noUnit' };
  return author === station ? { ok: true } : { ok: false, reason: 'notPartAuthor' };
}

/** The units whose parts `station` records: its own unit first, then the agencies it hosts. */
export function partsWrittenBy(header: Header, station: string): PatrolUnit[] {
  return header.units.filter((u) => partAuthor(header, u.id) === station).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'station' ? -1 : 1));
}

/** Every unit inspects: the log's stations and agencies, stations first. */
export const inspectingUnits = (header: Pick<PatrolLogHeader, 'units'>): PatrolUnit[] => [...stationUnits(header), ...header.units.filter((u) => u.kind === 'agency')];

export type VesselOutcome =
  | { state: 'pending'; missing: string[] }
  | { state: 'released' }
  /** `because`: the decisive result (扣留 before 移交 before 责令整改) and the units that gave it. */
  | { state: 'notReleased'; because: Exclude<PartResult, 'pass'>; units: string[] };

/**
 * The inspection's outcome from its parts, by the checkpoint's rule: any 扣留 or 移交 keeps the vessel at once,
 * whatever parts are still missing; otherwise it waits for every unit's part; then 责令整改 holds it or lets it go
 * as the checkpoint is set up, and all 合格 releases it (放行).
 */
export function vesselOutcome(header: Header, parts: readonly Pick<VesselPart, 'unitId' | 'result' | 'removed'>[]): VesselOutcome {
  const units = inspectingUnits(header).map((u) => u.id);
  const live = parts.filter((p) => !p.removed && units.includes(p.unitId));
  const giving = (result: PartResult) => live.filter((p) => p.result === result).map((p) => p.unitId);
  for (const because of ['detain', 'handover'] as const) {
    const by = giving(because);
    if (by.length > 0) return { state: 'notReleased', because, units: by };
  }
  const done = new Set(live.map((p) => p.unitId));
  const missing = units.filter((id) => !done.has(id));
  if (missing.length > 0) return { state: 'pending', missing };
  const rectifying = giving('rectify');
  if (rectifying.length > 0 && waterConfigOf(header).rectification === 'hold') return { state: 'notReleased', because: 'rectify', units: rectifying };
  return { state: 'released' };
}

/** When the inspection ended: the author's end time, else the last part's once the outcome is decided. */
export function vesselEndAt(vessel: Pick<VesselInspection, 'endAt'>, parts: readonly Pick<VesselPart, 'at' | 'removed'>[], outcome: VesselOutcome): string | null {
  if (vessel.endAt) return vessel.endAt;
  if (outcome.state === 'pending') return null;
  const times = parts.filter((p) => !p.removed).map((p) => p.at);
  return times.length > 0 ? times.reduce((a, b) => (a > b ? a : b)) : null;
}

/** The inspection still under way in this log of the same vessel (by number, else by name), at any station. */
export function openVesselOf(
  vessels: readonly VesselInspection[],
  outcomeOf: (v: VesselInspection) => VesselOutcome,
  probe: { vesselName: string; vesselNumber: string },
): VesselInspection | undefined {
  return vessels.find(
    (v) =>
      !v.removed &&
      v.endAt === null &&
      outcomeOf(v).state === 'pending' &&
      ((probe.vesselNumber !== '' && v.vesselNumber === probe.vesselNumber) || (probe.vesselNumber === '' && probe.vesselName !== '' && v.vesselName === probe.vesselName)),
  );
}
