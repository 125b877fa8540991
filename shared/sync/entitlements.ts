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
  'patrol.vesselSaved': "Only the vessel row's author station (vessel.authorStation), in a log it takes part in; aggregate id = the log id. Higher revision wins.",
  'patrol.vesselPartSaved':
    "Only the station that writes the part's unit: a station unit its own station, an agency the station hosting it (header.water.hosts, else the log's owner); part id must be `<inspectionId>:<unitId>`; aggregate id = the log id. Higher revision wins.",
  'documents.revoked':
    'Only the issuing station (authorStation = payload issuingStation), its revocation signature verifying with that station\'s key; aggregate id = the document key.',
  'audit.checkpoint': "Only the station whose checkpoint it is, signed with that station's key (its roster key). A different checkpoint for the same position is a conflict.",
  'audit.checkpointHeld': 'Only the neighbour that holds the checkpoint (heldBy = author), signed with its key, and only about a checkpoint this station sent.',
  'attachment.requested':
    'Any neighbour that was given the ref: only to the station holding the file, naming its id (= aggregate id), size and sha256; each missing index below its chunk count. A chunk is sent to one asker at most 3 times, and not again while the previous one is undelivered.',
  'attachment.chunk':
    'Only the station holding the file, and only to a station that asked for it (an open fetch naming that station as owner); sha256, count and the chunk length must match the ref; aggregate id = fileId. Chunks of a file already complete are ignored.',
  'assist.raised': 'Only the requesting station (payload request.requesterStation = author), to stations the request addresses; aggregate id = request id. The same id with another request is a conflict.',
  'assist.received': "Only an addressee of the request, to the requester; aggregate id = request id.",
  'assist.signed': 'Only an addressee of the request, to the requester, while the request is open (else a conflict); aggregate id = request id.',
  'assist.feedback': 'Only an addressee that has signed, to the requester, while the request is open; aggregate id = request id.',
  'assist.handed': 'Only an addressee that has signed, to the requester, while the request is open; aggregate id = request id.',
  'assist.forwarded':
    'Only an addressee (as the receiver knows it, or as the carried request names it for a station it adds), while the request is open; the added stations become addressees; aggregate id = request id.',
  'assist.closed': 'Only the requesting station, to its addressees; aggregate id = request id.',
  'assist.amended': 'Only the requesting station, to its addressees, open or closed; aggregate id = request id.',
  'assist.watchHit': 'Only an addressee of the request, to the requester; aggregate id = request id.',
};
