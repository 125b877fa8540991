import { z } from 'zod';
import { stationCode } from '../domain/station';
import { parseCitizenId } from '../validation/citizen-id';
import { parsePlate } from '../validation/plate';
import { documentText } from '../validation/document-text';
import { ulidId } from './log';

/** 事件类型: 盘查, 救助, 纠纷, 警情处置, 隐患, 交通, 涉水, 其他 */
export const eventTypes = ['stopCheck', 'assistance', 'dispute', 'incident', 'hazard', 'traffic', 'water', 'other'] as const;
export const eventType = z.enum(eventTypes);
export type PatrolEventType = z.infer<typeof eventType>;

/** Result of checking a person: 无异常, 在逃/布控比中, 移交, 带回. */
export const personResults = ['clear', 'flagged', 'handedOver', 'takenBack'] as const;
export const personResult = z.enum(personResults);

/** Outcome of a checkpoint inspection: 放行 / 劝返 / 移交 / 扣留. */
export const inspectionResults = ['release', 'turnBack', 'handover', 'detain'] as const;
export const inspectionResult = z.enum(inspectionResults);
export type InspectionResult = z.infer<typeof inspectionResult>;

/** A checked person; the ID number is validated per GB 11643 (the records feature's validator). */
export const checkedPerson = z.object({
  name: documentText('name', 30, { required: true }),
  idNumber: z.string().superRefine((value, ctx) => {
    const parsed = parseCitizenId(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `idNumber.${parsed.error}` });
  }),
  result: personResult,
});
export type CheckedPerson = z.infer<typeof checkedPerson>;

/** A plate validated per GA 36; its province is derived, never typed. */
export const plateValue = z.string().superRefine((value, ctx) => {
  const parsed = parsePlate(value);
  if (!parsed.ok || parsed.value.plate !== value) ctx.addIssue({ code: 'custom', message: 'plate' });
});

/** Fields every co-authored entry carries: it belongs to its author station; only that station revises it. */
const authored = {
  id: ulidId,
  logId: ulidId,
  authorStation: stationCode,
  /** `province:警号` */
  authorOfficer: z.string().min(1).max(40),
  revision: z.number().int().positive(),
  updatedAt: z.iso.datetime(),
  /** A tombstone: removed entries stay so the removal travels and is auditable. */
  removed: z.boolean(),
};

/** 事件记录: one row of the log. */
export const patrolEventRow = z.object({
  ...authored,
  at: z.iso.datetime(),
  place: documentText('address', 100, { required: true }),
  type: eventType,
  persons: z.array(checkedPerson).max(50),
  vehicle: z.object({ plate: plateValue, province: z.string().length(1) }).nullable(),
  action: z.string().max(500),
  /** 移交单位 (unit id or free text for units outside the log). */
  handoverTo: z.string().max(60),
  /** 关联警情/案件编号 */
  caseNumber: z.string().max(40),
});
export type PatrolEventRow = z.infer<typeof patrolEventRow>;

/** 一点两检 inspection of one vehicle. End and result are empty while it is under way. */
export const inspectionRecord = z.object({
  ...authored,
  lane: z.number().int().min(1).max(30),
  plate: plateValue,
  plateProvince: z.string().length(1),
  /** Unit id (station code) of the inspecting unit. */
  inspectingUnit: z.string().min(1).max(60),
  startAt: z.iso.datetime(),
  endAt: z.iso.datetime().nullable(),
  occupants: z.number().int().min(0).max(99),
  result: inspectionResult.nullable(),
});
export type InspectionRecord = z.infer<typeof inspectionRecord>;

/** 签认: a unit leader's confirmation of the log. */
export const patrolConfirmation = z.object({
  id: z.string().min(1).max(80),
  logId: ulidId,
  unitId: stationCode,
  /** `province:警号` and name of the confirming leader. */
  officer: z.string().min(1).max(40),
  officerName: documentText('text', 30, { required: true }),
  at: z.iso.datetime(),
});
export type PatrolConfirmation = z.infer<typeof patrolConfirmation>;

/** 更正记录: a change made after the log closed, with its reason. */
export const patrolAmendment = z.object({
  id: z.string().min(1).max(80),
  logId: ulidId,
  authorStation: stationCode,
  officer: z.string().min(1).max(40),
  at: z.iso.datetime(),
  entryKind: z.enum(['header', 'contingent', 'event', 'inspection', 'vessel', 'vesselPart']),
  entryId: z.string().min(1).max(80),
  reason: z.string().trim().min(2).max(300),
});
export type PatrolAmendment = z.infer<typeof patrolAmendment>;
