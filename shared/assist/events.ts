import { z } from 'zod';
import { stationCode } from '../domain/station';
import { documentText } from '../validation/document-text';
import { attachmentRefs } from '../attachments';
import { actorRef, assistRequest, closeResult, feedbackKind, ulidId } from './model';

/**
 * Events of 协查 between stations; the aggregate id of each is the request id. The requester sends the request,
 * its close and amendments to every addressee; an addressee sends its steps (received, signed, feedback,
 * handed, forwarded, hits) to the requester, and a forward also to the stations it adds.
 */
const at = z.iso.datetime({ offset: true });
const step = { requestId: ulidId, at, officer: actorRef };
const note = documentText('text', 500);

export const assistEvents = {
  /** 提请: the whole request. Requester → addressees. */
  'assist.raised': z.object({ request: assistRequest }),
  /** The request reached the addressee's list. Addressee → requester. */
  'assist.received': z.object(step),
  /** 签收 by an officer. Addressee → requester. */
  'assist.signed': z.object(step),
  /** 反馈: 进展 / 已查获·已找到 / 未发现 / 不属本辖区, with text and files. Addressee → requester. */
  'assist.feedback': z.object({ ...step, feedbackId: ulidId, kind: feedbackKind, text: documentText('text', 2000, { required: true }), attachments: attachmentRefs }),
  /** 交办: handed to a colleague at the same station. Addressee → requester. */
  'assist.handed': z.object({ ...step, to: actorRef, note }),
  /**
   * 转发: the addressee adds stations the requester did not address; they become addressees. Carries the
   * request for them. Addressee → requester and the added stations.
   */
  'assist.forwarded': z.object({ ...step, to: z.array(stationCode).min(1).max(50), note, request: assistRequest }),
  /** 结案: 破案 / 找到 / 撤销 with a result all addressees see. Requester → addressees. */
  'assist.closed': z.object({ ...step, result: closeResult, note }),
  /** 补充更正: the only change after closing, with a reason. Requester → addressees. */
  'assist.amended': z.object({ ...step, amendmentId: ulidId, reason: documentText('text', 300, { required: true }), text: documentText('text', 2000, { required: true }) }),
  /** 布控比中: the watched plate or ID number was met here. Addressee → requester, sent automatically. */
  'assist.watchHit': z.object({
    ...step,
    hitId: ulidId,
    source: z.enum(['checkpoint', 'personCheck', 'recordsSearch']),
    matchKind: z.enum(['plate', 'idNumber']),
    value: z.string().min(1).max(20),
    checkpoint: documentText('text', 60),
    lane: z.number().int().min(1).max(30).nullable(),
    result: z.string().max(20).nullable(),
  }),
} as const;

export type AssistEventType = keyof typeof assistEvents;
export type AssistEventPayload<T extends AssistEventType> = z.output<(typeof assistEvents)[T]>;
