import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import { EventNotAuthorizedError, type EventApplier, type FeatureAppliers, type IncomingEvent } from '@renderer/sync';
import { isNewer, isParticipant } from '@shared/patrol/coauthoring';
import { patrolEvents, type PatrolEventPayload, type PatrolEventType } from '@shared/patrol/events';
import type { PatrolAmendment } from '@shared/patrol/entries';
import { contingentAuthor, type PatrolLogHeader } from '@shared/patrol/log';
import { partAuthor, vesselPartId } from '@shared/patrol/vessel';
import {
  amendmentsTable,
  confirmationsTable,
  contingentsTable,
  eventRowsTable,
  inspectionsTable,
  PATROL_PARKED,
  PATROL_TABLES,
  parkedTable,
  patrolLogsTable,
  vesselPartsTable,
  vesselsTable,
} from './tables';

/**
 * Applying the other stations' patrol changes. Each row belongs to its author station, so the only rule is
 * authorship: a station may write only its own rows (the header only by the owner, a contingent only by its unit),
 * and only in a log it takes part in. Within that, the higher revision wins, so replays and reordering are harmless.
 * Every read and write goes through the inbox transaction the applier is handed.
 */
function parse<T extends PatrolEventType>(type: T, event: IncomingEvent): PatrolEventPayload<T> {
  return patrolEvents[type].parse(event.payload) as PatrolEventPayload<T>;
}

function requireAuthor(event: IncomingEvent, author: string, what: string): void {
  if (event.authorStation !== author) throw new EventNotAuthorizedError(`${event.authorStation} may not write ${what} of ${author}`);
}

/** The entry's author is not (yet) a participant in the local header: it waits, unapplied and unseen. */
class Parked extends Error {}

async function requireParticipant(tx: Transaction, event: IncomingEvent, logId: string): Promise<PatrolLogHeader | null> {
  if (event.aggregateId !== logId) throw new EventNotAuthorizedError(`event for ${event.aggregateId} carries log ${logId}`);
  const header = (await patrolLogsTable(tx).get(logId)) ?? null;
  // A participant's entry may arrive before the owner's header (or before the header update that added it): it
  // is parked, and applied when a header listing its author arrives; a non-participant's entry stays parked.
  if (header && !isParticipant(header, event.authorStation)) {
    await parkedTable(tx).put({ id: event.id, logId, event });
    throw new Parked();
  }
  return header;
}

/** Runs an entry applier; a parked entry is not an error for the batch. */
function parking(applier: EventApplier): EventApplier {
  return async (event, tx) => {
    try {
      await applier(event, tx);
    } catch (error) {
      if (!(error instanceof Parked)) throw error;
    }
  };
}

function dropRefused(error: unknown): void {
  if (!(error instanceof EventNotAuthorizedError)) throw error;
}

async function unpark(tx: Transaction, header: PatrolLogHeader): Promise<void> {
  const parked = await parkedTable(tx).where('logId').equals(header.id).toArray();
  for (const row of parked.filter((p) => isParticipant(header, p.event.authorStation))) {
    await parkedTable(tx).delete(row.id);
    const applier = entryAppliers[row.event.type as keyof typeof entryAppliers];
    // A parked vessel part is judged only now (who writes it follows from the header): one its author may not
    // write is dropped, and the header it waited for still applies.
    if (applier) await parking(applier)(row.event, tx).catch(dropRefused);
  }
}

async function putIfNewer<T extends { id: string; revision: number; updatedAt: string }>(table: Dexie.Table<T, string>, row: T): Promise<void> {
  const local = await table.get(row.id);
  if (isNewer(row, local)) await table.put(row);
}

async function recordAmendment(tx: Transaction, event: IncomingEvent, amendment: PatrolAmendment | null): Promise<void> {
  if (!amendment) return;
  requireAuthor(event, amendment.authorStation, 'an amendment');
  await amendmentsTable(tx).put(amendment);
}

const logSaved: EventApplier = async (event, tx) => {
  const { header, amendment } = parse('patrol.logSaved', event);
  requireAuthor(event, header.ownerStation, 'the header');
  if (event.aggregateId !== header.id) throw new EventNotAuthorizedError('header for another log');
  const local = await patrolLogsTable(tx).get(header.id);
  if (local && local.ownerStation !== header.ownerStation) throw new EventNotAuthorizedError('a log cannot change owner');
  await putIfNewer(patrolLogsTable(tx), header);
  await recordAmendment(tx, event, amendment);
  const current = await patrolLogsTable(tx).get(header.id);
  if (current) await unpark(tx, current);
};

const contingentSaved: EventApplier = async (event, tx) => {
  const { contingent, amendment } = parse('patrol.contingentSaved', event);
  const header = await requireParticipant(tx, event, contingent.logId);
  const unit = header?.units.find((u) => u.id === contingent.unitId);
  requireAuthor(event, header && unit ? contingentAuthor(header, unit) : contingent.authorStation, 'a contingent');
  requireAuthor(event, contingent.authorStation, 'a contingent');
  await putIfNewer(contingentsTable(tx), contingent);
  await recordAmendment(tx, event, amendment);
};

const eventSaved: EventApplier = async (event, tx) => {
  const { row, amendment } = parse('patrol.eventSaved', event);
  requireAuthor(event, row.authorStation, 'an event row');
  await requireParticipant(tx, event, row.logId);
  await putIfNewer(eventRowsTable(tx), row);
  await recordAmendment(tx, event, amendment);
};

const inspectionSaved: EventApplier = async (event, tx) => {
  const { record, amendment } = parse('patrol.inspectionSaved', event);
  requireAuthor(event, record.authorStation, 'an inspection');
  await requireParticipant(tx, event, record.logId);
  await putIfNewer(inspectionsTable(tx), record);
  await recordAmendment(tx, event, amendment);
};

const confirmed: EventApplier = async (event, tx) => {
  const { confirmation } = parse('patrol.confirmed', event);
  requireAuthor(event, confirmation.unitId, 'a confirmation');
  await requireParticipant(tx, event, confirmation.logId);
  if (confirmation.id !== `${confirmation.logId}:${confirmation.unitId}`) throw new EventNotAuthorizedError('confirmation id');
  // A confirmation is final: a replay keeps the first one.
  if (!(await confirmationsTable(tx).get(confirmation.id))) await confirmationsTable(tx).put(confirmation);
};

const vesselSaved: EventApplier = async (event, tx) => {
  const { vessel, amendment } = parse('patrol.vesselSaved', event);
  requireAuthor(event, vessel.authorStation, 'a vessel inspection');
  await requireParticipant(tx, event, vessel.logId);
  await putIfNewer(vesselsTable(tx), vessel);
  await recordAmendment(tx, event, amendment);
};

/**
 * A unit's part of a vessel's inspection: only the station that writes that unit's part (its own station, or the
 * station hosting the agency) may send it. Who that is follows from the header, so a part that arrives before
 * the header waits parked like a non-participant's entry, and is checked when the header comes.
 */
const vesselPartSaved: EventApplier = async (event, tx) => {
  const { part, amendment } = parse('patrol.vesselPartSaved', event);
  requireAuthor(event, part.authorStation, 'a vessel part');
  if (part.id !== vesselPartId(part.inspectionId, part.unitId)) throw new EventNotAuthorizedError('vessel part id');
  const header = await requireParticipant(tx, event, part.logId);
  if (!header) {
    await parkedTable(tx).put({ id: event.id, logId: part.logId, event });
    throw new Parked();
  }
  requireAuthor(event, partAuthor(header, part.unitId) ?? `no unit ${part.unitId}`, `the part of ${part.unitId}`);
  await putIfNewer(vesselPartsTable(tx), part);
  await recordAmendment(tx, event, amendment);
};

const entryAppliers = {
  'patrol.contingentSaved': contingentSaved,
  'patrol.eventSaved': eventSaved,
  'patrol.inspectionSaved': inspectionSaved,
  'patrol.confirmed': confirmed,
  'patrol.vesselSaved': vesselSaved,
  'patrol.vesselPartSaved': vesselPartSaved,
} as const;

export const appliers: FeatureAppliers = {
  tables: [...PATROL_TABLES, PATROL_PARKED],
  appliers: {
    'patrol.logSaved': logSaved,
    'patrol.contingentSaved': parking(contingentSaved),
    'patrol.eventSaved': parking(eventSaved),
    'patrol.inspectionSaved': parking(inspectionSaved),
    'patrol.confirmed': parking(confirmed),
    'patrol.vesselSaved': parking(vesselSaved),
    'patrol.vesselPartSaved': parking(vesselPartSaved),
  },
};
