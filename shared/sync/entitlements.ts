import type { EventType } from './event-registry';

/**
 * Who may send each event type (docs/protocol-schemas/README.md, generated from this and the payload schemas).
 * The inbox has already checked that the author is in the roster, a neighbour, and that this station is among the
 * recipients; these are the per-type rules the receiving applier adds. An event that breaks them is refused
 * (`notAuthorized`, or `badRosterSignature` for a roster) and the author's later events still apply. Typed by
 * EventType, so a new event type cannot be added without saying who may send it.
 */
export const eventEntitlements: Record<EventType, string> = {
  'roster.updated':
    'Any neighbour may forward it. Taken only when the roster is signed by the root key this station pinned (else refused as badRosterSignature) and its version is higher than the one held (else ignored, not refused).',
  'sync.probe': 'The author only: the aggregate id must be `<author station code>:<ULID>`. The same id with another text is a conflict.',
  'migration.permitIssued':
    'Only the destination station the permit names (payload intake.destination), and only to the origin it names; aggregate id = caseId.',
  'migration.certificateIssued': "Only the case's origin station; aggregate id = caseId; the case must be in a state that allows it (else a conflict).",
  'migration.returned': "Only the case's origin station; aggregate id = caseId; state machine as for the certificate.",
  'migration.withdrawn': "Only the case's destination station; aggregate id = caseId.",
  'migration.permitExpired': "Only the case's destination station; aggregate id = caseId.",
  'migration.certificateExpired': "Only the case's destination station; aggregate id = caseId.",
  'patrol.logSaved': "Only the log's owner station (header.ownerStation); aggregate id = the log id; the owner never changes. Higher revision wins.",
  'patrol.contingentSaved': "Only the station of the contingent's unit, in a log it takes part in; aggregate id = the log id. Higher revision wins.",
  'patrol.eventSaved': 'Only the row\'s author station (row.authorStation), in a log it takes part in; aggregate id = the log id.',
  'patrol.inspectionSaved': "Only the record's author station (record.authorStation), in a log it takes part in; aggregate id = the log id.",
  'patrol.confirmed': 'Only the confirming unit\'s station (confirmation.unitId); confirmation id must be `<logId>:<unitId>`.',
  'documents.revoked':
    'Only the issuing station (authorStation = payload issuingStation), its revocation signature verifying with that station\'s key; aggregate id = the document key.',
  'audit.checkpoint': "Only the station whose checkpoint it is, signed with that station's key (its roster key). A different checkpoint for the same position is a conflict.",
  'audit.checkpointHeld': 'Only the neighbour that holds the checkpoint (heldBy = author), signed with its key, and only about a checkpoint this station sent.',
};
