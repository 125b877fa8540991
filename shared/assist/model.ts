import { z } from 'zod';
import { stationCode } from '../domain/station';
import { provinceCode } from '../domain/province';
import { groupId } from '../sync/roster';
import { normalizeCitizenId, parseCitizenId } from '../validation/citizen-id';
import { parsePlate } from '../validation/plate';
import { documentText } from '../validation/document-text';
import { attachmentRefs } from '../attachments';

/**
 * 协查请求 (assistance request between stations, "一地提请，四地响应"): what the requesting station asks its
 * neighbours to look for or check. Codes only; the renderer words them.
 */
export const ulidId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'ULID');

/** 在逃/嫌疑人员 · 走失人员 · 车辆拦截 · 身份/户籍核查 · 物品/线索 · 其他 */
export const requestTypes = ['fugitive', 'missingPerson', 'vehicleIntercept', 'identityCheck', 'itemLead', 'other'] as const;
export const requestType = z.enum(requestTypes);
export type RequestType = z.infer<typeof requestType>;

/** 特急 · 紧急 · 一般 (most urgent first: the inbox sorts by this order). */
export const urgencies = ['extraUrgent', 'urgent', 'normal'] as const;
export const urgency = z.enum(urgencies);
export type Urgency = z.infer<typeof urgency>;

/** A citizen ID (GB 11643) when known: normalised (X upper case, 15 → 18 digits); '' when unknown. */
export const optionalCitizenId = z
  .string()
  .transform((raw) => (raw.trim() === '' ? '' : normalizeCitizenId(raw)))
  .superRefine((value, ctx) => {
    if (value === '') return;
    const parsed = parseCitizenId(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `idNumber.${parsed.error}` });
  });

/** A plate per GA 36, normalised as the checkpoint normalises it (沪A·12345 → 沪A12345). */
export const requestPlate = z
  .string()
  .transform((raw) => {
    const parsed = parsePlate(raw);
    return parsed.ok ? parsed.value.plate : raw;
  })
  .superRefine((value, ctx) => {
    const parsed = parsePlate(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `plate.${parsed.error}` });
  });

export const personSubject = z.object({
  kind: z.literal('person'),
  name: documentText('name', 30),
  idNumber: optionalCitizenId,
  /** 体貌特征, clothing, last seen … */
  description: documentText('text', 500),
});
export const vehicleSubject = z.object({
  kind: z.literal('vehicle'),
  plate: requestPlate,
  /** 车型, colour, marks … */
  description: documentText('text', 300),
});
export const subject = z.discriminatedUnion('kind', [personSubject, vehicleSubject]);
export type Subject = z.infer<typeof subject>;
export type PersonSubject = z.infer<typeof personSubject>;
export type VehicleSubject = z.infer<typeof vehicleSubject>;

/** An officer as other stations show them: `province:警号` and the name. */
export const actorRef = z.object({ key: z.string().min(1).max(40), name: documentText('text', 30, { required: true }) });
export type ActorRef = z.infer<typeof actorRef>;

/**
 * Who a request goes to: named stations, a roster group (五地七所), every neighbour in one province, or every
 * neighbour. The resolved station codes travel with the request (`addressees`).
 */
export const addressing = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stations'), stations: z.array(stationCode).min(1).max(200) }),
  z.object({ kind: z.literal('group'), group: groupId }),
  z.object({ kind: z.literal('province'), province: provinceCode }),
  z.object({ kind: z.literal('allNeighbours') }),
]);
export type Addressing = z.infer<typeof addressing>;

/** What the officer fills in; the request adds who, when and to whom. */
export const requestForm = z.object({
  type: requestType,
  urgency,
  title: documentText('text', 60, { required: true }),
  details: documentText('text', 2000, { required: true }),
  subjects: z.array(subject).max(20),
  /** 地点: where it happened, where the subject was last seen, where it may be heading. */
  places: documentText('text', 300),
  /** 时间: when it happened / was last seen, as the officer writes it. */
  times: documentText('text', 120),
  /** 案件/警情编号 */
  caseNumber: z.string().trim().max(40).regex(/^[0-9A-Za-z-]*$/, 'caseNumber'),
  /** 联系方式: a phone the addressees call. */
  contact: z.string().trim().min(5, 'contact').max(40).regex(/^[0-9+\-\s()]+$/, 'contact'),
  /** What to do on a hit (e.g. 发现后立即控制并联系). */
  instructions: documentText('text', 300),
  addressing,
  /** 布控 expiry (ISO); null = until the request closes. */
  watchUntil: z.iso.datetime({ offset: true }).nullable(),
  attachments: attachmentRefs,
});
export type RequestForm = z.input<typeof requestForm>;
export type ParsedRequestForm = z.output<typeof requestForm>;

/** The request as it travels in `assist.raised` and sits at every station. */
export const assistRequest = requestForm.extend({
  id: ulidId,
  requesterStation: stationCode,
  requesterStationName: documentText('text', 40, { required: true }),
  officer: actorRef,
  raisedAt: z.iso.datetime({ offset: true }),
  /** The stations addressed, resolved from `addressing` when raised (never the requester). */
  addressees: z.array(stationCode).min(1).max(500),
});
export type AssistRequest = z.output<typeof assistRequest>;

/** 进展 · 已查获/已找到 · 未发现 · 不属本辖区 */
export const feedbackKinds = ['progress', 'found', 'notFound', 'notOurs'] as const;
export const feedbackKind = z.enum(feedbackKinds);
export type FeedbackKind = z.infer<typeof feedbackKind>;
/** Feedback that answers the request (anything but 进展). */
export const isConclusive = (kind: FeedbackKind): boolean => kind !== 'progress';

/** 破案 · 找到 · 撤销 */
export const closeResults = ['solved', 'found', 'withdrawn'] as const;
export const closeResult = z.enum(closeResults);
export type CloseResult = z.infer<typeof closeResult>;

/** 'requester': raised here; 'addressee': addressed to this station (directly or by forwarding). */
export type Side = 'requester' | 'addressee';
