import type { Transaction } from 'dexie';
import { assistEvents, type AssistEventPayload, type AssistEventType } from '@shared/assist/events';
import { addresseeOf } from '@shared/assist/state';
import * as steps from '@shared/assist/steps';
import { META_TABLE } from '@renderer/platform/db';
import { AUDIT_TABLE, appendAuditIn } from '@renderer/platform/audit';
import { currentStationIdentity } from '@renderer/platform/station';
import { EventConflictError, EventNotAuthorizedError, type EventApplier, type FeatureAppliers, type IncomingEvent } from '@renderer/sync';
import { assistNow } from './clock';
import { ASSIST_REQUESTS, requestsTable, type StoredRequest } from './tables';

/**
 * Applying the neighbours' 协查 events. Who may send what is fixed by the request: the request itself, its close
 * and its amendments only from the requester; signing, feedback, handing over, forwarding, receipts and hits only
 * from a station the request addresses (a forwarded station becomes one). Read and written through the inbox
 * transaction, each with its audit entry.
 */
const self = async (tx: Transaction): Promise<string> => (await currentStationIdentity(tx.db)).code;

function parse<T extends AssistEventType>(type: T, event: IncomingEvent): AssistEventPayload<T> {
  const payload = assistEvents[type].parse(event.payload) as AssistEventPayload<T>;
  const id = 'request' in payload && !('requestId' in payload) ? payload.request.id : (payload as { requestId: string }).requestId;
  if (event.aggregateId !== id) throw new EventNotAuthorizedError('request id and aggregate differ');
  return payload;
}

async function save(tx: Transaction, event: IncomingEvent, row: StoredRequest, station: string): Promise<void> {
  await requestsTable(tx).put(row);
  await appendAuditIn(tx, { station, officer: event.authorOfficer, action: `assist.received.${event.type}`, object: `assist:${row.id}`, result: 'success', detail: event.authorStation });
}

/**
 * Photos and files are fetched on demand from the station a ref names: only the station that wrote the payload
 * holds them, so a ref naming another station (which holds nothing, or something else) is refused.
 */
function assertOwnAttachments(attachments: readonly { ownerStation: string }[], author: string): void {
  const foreign = attachments.find((a) => a.ownerStation !== author);
  if (foreign) throw new EventNotAuthorizedError(`attachment held by ${foreign.ownerStation}, not by its author ${author}`);
}

const raised: EventApplier = async (event, tx) => {
  const { request } = parse('assist.raised', event);
  const me = await self(tx);
  if (request.requesterStation !== event.authorStation) throw new EventNotAuthorizedError(`station ${event.authorStation} is not the requester`);
  assertOwnAttachments(request.attachments, event.authorStation);
  if (!request.addressees.includes(me)) throw new EventNotAuthorizedError('this station is not addressed');
  const existing = await requestsTable(tx).get(request.id);
  if (existing) {
    if (existing.request.requesterStation === request.requesterStation && existing.request.raisedAt === request.raisedAt) return;
    throw new EventConflictError('a different request already has this id', { id: existing.id });
  }
  const now = assistNow().toISOString();
  await save(tx, event, steps.received(steps.newRow(request, 'addressee', now), me, now), me);
};

/** The row an event about an existing request changes, with the author's standing checked. */
async function rowFor(tx: Transaction, event: IncomingEvent, requestId: string, author: 'requester' | 'addressee'): Promise<{ row: StoredRequest; me: string }> {
  const me = await self(tx);
  const row = await requestsTable(tx).get(requestId);
  if (!row) throw new EventConflictError('request unknown at this station', null);
  if (author === 'requester' && row.request.requesterStation !== event.authorStation) throw new EventNotAuthorizedError(`station ${event.authorStation} did not raise request ${requestId}`);
  if (author === 'addressee' && !addresseeOf(row, event.authorStation)) throw new EventNotAuthorizedError(`station ${event.authorStation} is not addressed by request ${requestId}`);
  return { row, me };
}

/** Steps an addressee reports to the requester: only the requester keeps every addressee's steps. */
function addresseeStep<T extends 'assist.received' | 'assist.signed' | 'assist.feedback' | 'assist.handed' | 'assist.watchHit'>(
  type: T,
  change: (row: StoredRequest, p: AssistEventPayload<T>, author: string) => StoredRequest,
): EventApplier {
  return async (event, tx) => {
    const p = parse(type, event);
    const { row, me } = await rowFor(tx, event, p.requestId, 'addressee');
    if (row.request.requesterStation !== me) throw new EventNotAuthorizedError('only the requester is told of an addressee’s steps');
    await save(tx, event, change(row, p, event.authorStation), me);
  };
}

const forwardedApplier: EventApplier = async (event, tx) => {
  const p = parse('assist.forwarded', event);
  const me = await self(tx);
  const existing = await requestsTable(tx).get(p.requestId);
  if (existing) {
    if (!addresseeOf(existing, event.authorStation)) throw new EventNotAuthorizedError(`station ${event.authorStation} is not addressed by request ${p.requestId}`);
    if (existing.status === 'closed') throw new EventConflictError('forwarded after the request closed', { status: existing.status });
    await save(tx, event, steps.forwarded(existing, event.authorStation, p.at, p.to), me);
    return;
  }
  // A station the forwarder adds: it learns the request from the forward.
  if (!p.to.includes(me)) throw new EventNotAuthorizedError('this station is not among those the request is forwarded to');
  if (!p.request.addressees.includes(event.authorStation) || p.request.requesterStation === me) throw new EventNotAuthorizedError(`station ${event.authorStation} may not forward request ${p.requestId}`);
  const now = assistNow().toISOString();
  const row = steps.forwarded(steps.newRow(p.request, 'addressee', now), event.authorStation, p.at, p.to);
  await save(tx, event, steps.received(row, me, now), me);
};

const closedApplier: EventApplier = async (event, tx) => {
  const p = parse('assist.closed', event);
  const { row, me } = await rowFor(tx, event, p.requestId, 'requester');
  await save(tx, event, steps.closed(row, p.at, p.officer, p.result, p.note), me);
};

const amendedApplier: EventApplier = async (event, tx) => {
  const p = parse('assist.amended', event);
  const { row, me } = await rowFor(tx, event, p.requestId, 'requester');
  await save(tx, event, steps.amended(row, p.amendmentId, p.at, p.officer, p.reason, p.text), me);
};

export const appliers: FeatureAppliers = {
  tables: [ASSIST_REQUESTS, AUDIT_TABLE, META_TABLE],
  appliers: {
    'assist.raised': raised,
    'assist.received': addresseeStep('assist.received', (row, p, author) => steps.received(row, author, p.at)),
    'assist.signed': addresseeStep('assist.signed', (row, p, author) => steps.signed(row, author, p.at, p.officer)),
    'assist.feedback': addresseeStep('assist.feedback', (row, p, author) => {
      assertOwnAttachments(p.attachments, author);
      return steps.fedBack(row, { id: p.feedbackId, station: author, at: p.at, officer: p.officer, kind: p.kind, text: p.text, attachments: p.attachments });
    }),
    'assist.handed': addresseeStep('assist.handed', (row, p, author) => steps.handed(row, author, p.at, p.officer, p.to, p.note)),
    'assist.watchHit': addresseeStep('assist.watchHit', (row, p, author) =>
      steps.hit(row, { id: p.hitId, station: author, at: p.at, officer: p.officer, source: p.source, matchKind: p.matchKind, value: p.value, checkpoint: p.checkpoint, lane: p.lane, result: p.result }),
    ),
    'assist.forwarded': forwardedApplier,
    'assist.closed': closedApplier,
    'assist.amended': amendedApplier,
  },
};
