import { documentTypes } from '../documents/statement';
import type { EventType } from './event-registry';

/**
 * The form of each event type's `aggregateId` (docs/PROTOCOL.md §3.2): what record the event is about, so that an
 * id a neighbour made up (too long, of another kind, naming another station's record) is refused like a payload
 * that does not parse, per event, and never reaches an applier. One rule per type, checked at compile time.
 */
const ULID = '[0-9A-HJKMNP-TV-Z]{26}';
const CODE = '\\d{12}';
const exactly = (pattern: string) => new RegExp(`^${pattern}$`);

const recordId = exactly(ULID);

export const aggregateIdRules = {
  'roster.updated': exactly('roster'),
  'sync.probe': exactly(`${CODE}:${ULID}`),
  'migration.permitIssued': recordId,
  'migration.certificateIssued': recordId,
  'migration.returned': recordId,
  'migration.withdrawn': recordId,
  'migration.permitExpired': recordId,
  'migration.certificateExpired': recordId,
  'patrol.logSaved': recordId,
  'patrol.contingentSaved': recordId,
  'patrol.eventSaved': recordId,
  'patrol.inspectionSaved': recordId,
  'patrol.confirmed': recordId,
  'patrol.vesselSaved': recordId,
  'patrol.vesselPartSaved': recordId,
  // documentKey: issuing station, document type, number
  'documents.revoked': exactly(`${CODE}:(${documentTypes.join('|')}):\\S{1,60}`),
  'audit.checkpoint': exactly(`${CODE}:\\d{1,16}`),
  'audit.checkpointHeld': exactly(`${CODE}:\\d{1,16}:${CODE}`),
  // the file id (its ULID)
  'attachment.requested': recordId,
  'attachment.chunk': recordId,
  // 协查: the request id
  'assist.raised': recordId,
  'assist.received': recordId,
  'assist.signed': recordId,
  'assist.feedback': recordId,
  'assist.handed': recordId,
  'assist.forwarded': recordId,
  'assist.closed': recordId,
  'assist.amended': recordId,
  'assist.watchHit': recordId,
} satisfies Record<EventType, RegExp>;

export function aggregateIdFits(type: EventType, aggregateId: string): boolean {
  return aggregateIdRules[type].test(aggregateId);
}
