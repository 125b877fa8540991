import type Dexie from 'dexie';
import { ulid } from 'ulid';
import { resolveAddressees, type RosterEntry } from '@shared/assist/addressing';
import type { AttachmentRef } from '@shared/attachments';
import type { AssistEventPayload, AssistEventType } from '@shared/assist/events';
import { requestForm, type ActorRef, type AssistRequest, type CloseResult, type FeedbackKind, type RequestForm } from '@shared/assist/model';
import { decide, type AssistAction, type AssistRefusal, type HitEntry, type HitSource } from '@shared/assist/state';
import * as steps from '@shared/assist/steps';
import { runCommand, type CommandScope } from '@renderer/sync';
import { assistNow } from './clock';
import { ASSIST_TABLES, requestsTable, type StoredRequest } from './tables';

/**
 * The feature's writes: each one command (runCommand): the row, the audit entry and the signed event, in one
 * transaction. The rules (shared/assist/state.ts `decide`) are checked inside it, against the row as stored.
 */
export interface AssistActor {
  station: { code: string; name: string };
  officer: ActorRef;
  /** The station database (tests run several stations in one process); the window's by default. */
  database?: Dexie;
}

export class AssistRuleError extends Error {
  constructor(readonly code: AssistRefusal | 'notFound' | 'noAddressees') {
    super(`assist step refused: ${code}`);
    this.name = 'AssistRuleError';
  }
}

function tell<T extends AssistEventType>(scope: CommandScope, actor: AssistActor, type: T, requestId: string, recipients: string[], payload: AssistEventPayload<T>): void {
  const to = [...new Set(recipients)].filter((c) => c !== actor.station.code);
  if (to.length > 0) scope.emit({ type, aggregateId: requestId, recipients: to, payload, officer: actor.officer.key });
}

function audit(scope: CommandScope, actor: AssistActor, action: string, requestId: string, detail = ''): void {
  scope.audit({ station: actor.station.code, officer: actor.officer.key, action: `assist.${action}`, object: `assist:${requestId}`, result: 'success', detail });
}

/** 提请: the form, addressed through the roster; the request goes to every addressee. */
export type StoredRequestResult = StoredRequest;

export async function raise(form: RequestForm, roster: readonly RosterEntry[], actor: AssistActor): Promise<StoredRequest> {
  const parsed = requestForm.parse(form);
  const addressees = resolveAddressees(parsed.addressing, roster, actor.station.code);
  if (addressees.length === 0) throw new AssistRuleError('noAddressees');
  const at = assistNow().toISOString();
  const request: AssistRequest = {
    ...parsed,
    id: ulid(),
    requesterStation: actor.station.code,
    requesterStationName: actor.station.name,
    officer: actor.officer,
    raisedAt: at,
    addressees,
  };
  const row: StoredRequest = steps.newRow(request, 'requester', at);
  return runCommand({
    tables: ASSIST_TABLES,
    emits: true,
    database: actor.database,
    work: async (scope) => {
      await requestsTable(scope.tx).add(row);
      audit(scope, actor, 'raise', request.id, `${request.type} ${request.urgency} → ${addressees.join(',')}`);
      tell(scope, actor, 'assist.raised', request.id, addressees, { request });
      return row;
    },
  });
}

/** Runs one step on a stored row: read, decide, change, write, audit, tell. */
async function step(
  actor: AssistActor,
  requestId: string,
  action: AssistAction,
  change: (row: StoredRequest, at: string, scope: CommandScope) => StoredRequest,
  forwardTo: readonly string[] = [],
): Promise<StoredRequest> {
  return runCommand({
    tables: ASSIST_TABLES,
    emits: true,
    database: actor.database,
    work: async (scope) => {
      const row = await requestsTable(scope.tx).get(requestId);
      if (!row) throw new AssistRuleError('notFound');
      const d = decide(row, actor.station.code, action, forwardTo);
      if (!d.ok) throw new AssistRuleError(d.code);
      const next = change(row, assistNow().toISOString(), scope);
      await requestsTable(scope.tx).put(next);
      return next;
    },
  });
}

const toRequester = (row: StoredRequest): string[] => [row.request.requesterStation];
const toAddressees = (row: StoredRequest): string[] => row.addressees.map((a) => a.station);

/** Tells the requester the request reached this station's list (sent once, in the background). */
export function acknowledge(requestId: string, actor: AssistActor): Promise<StoredRequest> {
  return step(actor, requestId, 'acknowledge', (row, at, scope) => {
    const own = row.addressees.find((a) => a.station === actor.station.code);
    const receivedAt = own?.receivedAt ?? at;
    audit(scope, actor, 'acknowledge', requestId);
    tell(scope, actor, 'assist.received', requestId, toRequester(row), { requestId, at: receivedAt, officer: actor.officer });
    return { ...steps.received(row, actor.station.code, receivedAt), receiptSent: true };
  });
}

/** 签收 */
export function sign(requestId: string, actor: AssistActor): Promise<StoredRequest> {
  return step(actor, requestId, 'sign', (row, at, scope) => {
    audit(scope, actor, 'sign', requestId);
    tell(scope, actor, 'assist.signed', requestId, toRequester(row), { requestId, at, officer: actor.officer });
    return { ...steps.signed(row, actor.station.code, at, actor.officer), receiptSent: true };
  });
}

/** 反馈 */
export function feedback(requestId: string, kind: FeedbackKind, text: string, attachments: AttachmentRef[], actor: AssistActor): Promise<StoredRequest> {
  return step(actor, requestId, 'feedback', (row, at, scope) => {
    const feedbackId = ulid();
    audit(scope, actor, 'feedback', requestId, kind);
    tell(scope, actor, 'assist.feedback', requestId, toRequester(row), { requestId, at, officer: actor.officer, feedbackId, kind, text, attachments });
    return steps.fedBack(row, { id: feedbackId, station: actor.station.code, at, officer: actor.officer, kind, text, attachments });
  });
}

/** 交办: to a colleague at this station. */
export function hand(requestId: string, to: ActorRef, note: string, actor: AssistActor): Promise<StoredRequest> {
  return step(actor, requestId, 'hand', (row, at, scope) => {
    audit(scope, actor, 'hand', requestId, to.key);
    tell(scope, actor, 'assist.handed', requestId, toRequester(row), { requestId, at, officer: actor.officer, to, note });
    return steps.handed(row, actor.station.code, at, actor.officer, to, note);
  });
}

/** 转发: to stations the requester did not address; they become addressees. */
export function forward(requestId: string, to: string[], note: string, actor: AssistActor): Promise<StoredRequest> {
  return step(
    actor,
    requestId,
    'forward',
    (row, at, scope) => {
      audit(scope, actor, 'forward', requestId, to.join(','));
      tell(scope, actor, 'assist.forwarded', requestId, [...toRequester(row), ...to], { requestId, at, officer: actor.officer, to, note, request: row.request });
      return steps.forwarded(row, actor.station.code, at, to);
    },
    to,
  );
}

/** 结案: 破案 / 找到 / 撤销, seen by every addressee; the watch-list entries go with it. */
export function close(requestId: string, result: CloseResult, note: string, actor: AssistActor): Promise<StoredRequest> {
  return step(actor, requestId, 'close', (row, at, scope) => {
    audit(scope, actor, 'close', requestId, result);
    tell(scope, actor, 'assist.closed', requestId, toAddressees(row), { requestId, at, officer: actor.officer, result, note });
    return steps.closed(row, at, actor.officer, result, note);
  });
}

/** 补充更正: the one change a closed request takes, with a reason. */
export function amend(requestId: string, reason: string, text: string, actor: AssistActor): Promise<StoredRequest> {
  return step(actor, requestId, 'amend', (row, at, scope) => {
    const amendmentId = ulid();
    audit(scope, actor, 'amend', requestId, reason);
    tell(scope, actor, 'assist.amended', requestId, toAddressees(row), { requestId, at, officer: actor.officer, amendmentId, reason, text });
    return steps.amended(row, amendmentId, at, actor.officer, reason, text);
  });
}

export interface HitInput {
  source: HitSource;
  matchKind: 'plate' | 'idNumber';
  value: string;
  checkpoint: string;
  lane: number | null;
  result: string | null;
}

/** 布控比中: recorded here and sent back to the requester at once. */
export function recordHit(requestId: string, input: HitInput, actor: AssistActor): Promise<StoredRequest> {
  return step(actor, requestId, 'recordHit', (row, at, scope) => {
    const h: HitEntry = { id: ulid(), station: actor.station.code, at, officer: actor.officer, ...input };
    audit(scope, actor, 'watchHit', requestId, `${input.source} ${input.matchKind}`);
    tell(scope, actor, 'assist.watchHit', requestId, toRequester(row), { requestId, at, officer: actor.officer, hitId: h.id, ...input });
    return steps.hit(row, h);
  });
}
