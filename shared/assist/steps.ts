import type { AttachmentRef } from '../attachments';
import { isConclusive, type ActorRef, type AssistRequest, type CloseResult, type FeedbackKind, type Side } from './model';
import { newAddressee, type AddresseeState, type HitEntry, type RequestRow } from './state';

/**
 * Each step as a change of the row, the same at the station that takes it and at the one that receives its
 * event, so both show the same thing. Pure: the caller has decided that the step is allowed.
 */
export function newRow(request: AssistRequest, side: Side, at: string): RequestRow {
  return {
    id: request.id,
    side,
    status: 'open',
    raisedAt: request.raisedAt,
    request,
    addressees: request.addressees.map((c) => newAddressee(c, request.requesterStation, request.raisedAt)),
    feedback: [],
    hits: [],
    handovers: [],
    amendments: [],
    closure: null,
    updatedAt: at,
  };
}

function withAddressee(row: RequestRow, station: string, at: string, change: (a: AddresseeState) => AddresseeState): RequestRow {
  return { ...row, updatedAt: at, addressees: row.addressees.map((a) => (a.station === station ? change(a) : a)) };
}

export const received = (row: RequestRow, station: string, at: string): RequestRow => withAddressee(row, station, at, (a) => ({ ...a, receivedAt: a.receivedAt ?? at }));

export const signed = (row: RequestRow, station: string, at: string, officer: ActorRef): RequestRow =>
  withAddressee(row, station, at, (a) => (a.signedAt ? a : { ...a, receivedAt: a.receivedAt ?? at, signedAt: at, signedBy: officer, assignee: a.assignee ?? officer }));

export interface FeedbackInput {
  id: string;
  station: string;
  at: string;
  officer: ActorRef;
  kind: FeedbackKind;
  text: string;
  attachments: AttachmentRef[];
}

export function fedBack(row: RequestRow, f: FeedbackInput): RequestRow {
  if (row.feedback.some((e) => e.id === f.id)) return row;
  const next = withAddressee(row, f.station, f.at, (a) => ({
    ...a,
    firstFeedbackAt: a.firstFeedbackAt ?? f.at,
    answeredAt: a.answeredAt ?? (isConclusive(f.kind) ? f.at : null),
    lastKind: f.kind,
  }));
  return { ...next, feedback: [...row.feedback, { ...f }] };
}

export function handed(row: RequestRow, station: string, at: string, from: ActorRef, to: ActorRef, note: string): RequestRow {
  const next = withAddressee(row, station, at, (a) => ({ ...a, assignee: to }));
  return { ...next, handovers: [...row.handovers, { at, station, from, to, note }] };
}

/** The forwarded stations join as addressees (the requester sees who joined, and who added them). */
export function forwarded(row: RequestRow, by: string, at: string, to: readonly string[]): RequestRow {
  const added = to.filter((c) => c !== row.request.requesterStation && !row.addressees.some((a) => a.station === c));
  return { ...row, updatedAt: at, addressees: [...row.addressees, ...added.map((c) => newAddressee(c, by, at))] };
}

export function hit(row: RequestRow, h: HitEntry): RequestRow {
  if (row.hits.some((e) => e.id === h.id)) return row;
  return { ...row, updatedAt: h.at, hits: [...row.hits, { ...h }] };
}

export function closed(row: RequestRow, at: string, officer: ActorRef, result: CloseResult, note: string): RequestRow {
  if (row.status === 'closed') return row;
  return { ...row, status: 'closed', updatedAt: at, closure: { at, officer, result, note } };
}

export function amended(row: RequestRow, id: string, at: string, officer: ActorRef, reason: string, text: string): RequestRow {
  if (row.amendments.some((a) => a.id === id)) return row;
  return { ...row, updatedAt: at, amendments: [...row.amendments, { id, at, officer, reason, text }] };
}
