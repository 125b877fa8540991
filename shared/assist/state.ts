import type { Action } from '../domain/permissions';
import type { AttachmentRef } from '../attachments';
import type { ActorRef, AssistRequest, CloseResult, FeedbackKind, Side } from './model';

/**
 * A request as each station keeps it: the request, and per addressee what it has done. The requester learns
 * each addressee's steps from its events; an addressee knows its own (and the close, amendments and forwards).
 */
export interface AddresseeState {
  station: string;
  /** Who added it: the requester, or the station that forwarded the request to it. */
  addedBy: string;
  addedAt: string;
  receivedAt: string | null;
  signedAt: string | null;
  signedBy: ActorRef | null;
  /** The colleague it was handed to (交办), else the officer who signed. */
  assignee: ActorRef | null;
  firstFeedbackAt: string | null;
  answeredAt: string | null;
  lastKind: FeedbackKind | null;
}

export interface FeedbackEntry {
  id: string;
  station: string;
  at: string;
  officer: ActorRef;
  kind: FeedbackKind;
  text: string;
  attachments: AttachmentRef[];
}

export const hitSources = ['checkpoint', 'personCheck', 'recordsSearch'] as const;
export type HitSource = (typeof hitSources)[number];

/** 布控比中: a watched plate or ID number met at a station. */
export interface HitEntry {
  id: string;
  station: string;
  at: string;
  officer: ActorRef;
  source: HitSource;
  matchKind: 'plate' | 'idNumber';
  value: string;
  /** Where: the checkpoint's name, the lane; empty when met outside a checkpoint. */
  checkpoint: string;
  lane: number | null;
  /** The inspection's result code when known (放行/劝返/移交/扣留). */
  result: string | null;
}

export interface Closure {
  at: string;
  officer: ActorRef;
  result: CloseResult;
  note: string;
}

export interface Amendment {
  id: string;
  at: string;
  officer: ActorRef;
  reason: string;
  text: string;
}

export interface Handover {
  at: string;
  station: string;
  from: ActorRef;
  to: ActorRef;
  note: string;
}

export interface RequestRow {
  id: string;
  side: Side;
  status: 'open' | 'closed';
  /** Indexed copies of the request's fields. */
  raisedAt: string;
  request: AssistRequest;
  addressees: AddresseeState[];
  feedback: FeedbackEntry[];
  hits: HitEntry[];
  handovers: Handover[];
  amendments: Amendment[];
  closure: Closure | null;
  updatedAt: string;
}

export function newAddressee(station: string, addedBy: string, addedAt: string): AddresseeState {
  return { station, addedBy, addedAt, receivedAt: null, signedAt: null, signedBy: null, assignee: null, firstFeedbackAt: null, answeredAt: null, lastKind: null };
}

export function addresseeOf(row: Pick<RequestRow, 'addressees'>, station: string): AddresseeState | null {
  return row.addressees.find((a) => a.station === station) ?? null;
}

/** Every step an officer may take on a request, and what it needs. */
export const assistActions = ['acknowledge', 'sign', 'feedback', 'hand', 'forward', 'recordHit', 'close', 'amend'] as const;
export type AssistAction = (typeof assistActions)[number];

/**
 * The permission each step needs (shared/domain/permissions.ts): any officer on duty raises and answers;
 * closing and forwarding are the duty leader's (assist.lead).
 */
export const requiredPermission: Record<AssistAction, Action> = {
  acknowledge: 'assist.view',
  sign: 'assist.answer',
  feedback: 'assist.answer',
  hand: 'assist.answer',
  recordHit: 'assist.view',
  forward: 'assist.lead',
  close: 'assist.lead',
  amend: 'assist.raise',
};

export type AssistRefusal = 'closed' | 'notAddressee' | 'notRequester' | 'notSigned' | 'alreadySigned' | 'alreadyAddressed' | 'noTarget' | 'notClosed';

export type Decision = { ok: true } | { ok: false; code: AssistRefusal };

const refuse = (code: AssistRefusal): Decision => ({ ok: false, code });
const OK: Decision = { ok: true };

/**
 * Whether `station` may take `action` on the request as it stands: only an addressee signs, feeds back, hands
 * over, forwards or records a hit, and only while the request is open (feedback, handing and forwarding after
 * signing); only the requester closes (while open) and amends (a closed request is read-only except amendments).
 */
export function decide(row: Pick<RequestRow, 'status' | 'addressees' | 'request'>, station: string, action: AssistAction, forwardTo: readonly string[] = []): Decision {
  const isRequester = row.request.requesterStation === station;
  const me = addresseeOf(row, station);
  if (action === 'amend') return isRequester ? OK : refuse('notRequester');
  if (action === 'close') return !isRequester ? refuse('notRequester') : row.status === 'closed' ? refuse('closed') : OK;
  if (!me) return refuse('notAddressee');
  if (row.status === 'closed') return refuse('closed');
  switch (action) {
    case 'acknowledge':
    case 'recordHit':
      return OK;
    case 'sign':
      return me.signedAt ? refuse('alreadySigned') : OK;
    case 'feedback':
    case 'hand':
      return me.signedAt ? OK : refuse('notSigned');
    case 'forward':
      if (!me.signedAt) return refuse('notSigned');
      if (forwardTo.length === 0) return refuse('noTarget');
      if (forwardTo.some((c) => c === row.request.requesterStation || addresseeOf(row, c))) return refuse('alreadyAddressed');
      return OK;
  }
}
