import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import type { z } from 'zod';
import { runCommand, type CommandScope } from '@renderer/sync';
import { checkWrite, confirmationState, confirmBlockers, isParticipant, type ConfirmBlocker, type WriteCheck } from '@shared/patrol/coauthoring';
import { inspectionRecord, patrolEventRow, type InspectionRecord, type PatrolAmendment, type PatrolConfirmation, type PatrolEventRow } from '@shared/patrol/entries';
import { contingentAuthor, contingentId, patrolContingent, patrolLogHeader, stationUnits, type PatrolContingent, type PatrolLogHeader } from '@shared/patrol/log';
import type { PatrolEventPayload, PatrolEventType } from '@shared/patrol/events';
import {
  checkPartWrite,
  vesselInspection,
  vesselOutcome,
  vesselPart,
  vesselPartId,
  type PartWriteCheck,
  type VesselInspection,
  type VesselPart,
} from '@shared/patrol/vessel';
import { amendmentsTable, confirmationsTable, contingentsTable, eventRowsTable, inspectionsTable, PATROL_TABLES, patrolLogsTable, vesselPartsTable, vesselsTable } from './tables';

/**
 * The patrol feature's writes. Each is one command (sync's runCommand): the row, an amendment after closing, the
 * audit entry and the signed event for the other participating stations, in one transaction.
 */

/** Who writes: this station and the signed-in officer (`province:警号`, name). */
export interface PatrolActor {
  station: string;
  officer: string;
  officerName: string;
}

type Refusal =
  | Exclude<WriteCheck, { ok: true }>['reason']
  | Exclude<PartWriteCheck, { ok: true }>['reason']
  | ConfirmBlocker
  | 'noLog'
  | 'alreadyConfirmed'
  | 'notParticipant'
  | 'plateOpen'
  | 'vesselOpen'
  | 'noVessel';

/** A change the co-authoring rules refuse; the screen explains `reason`. Nothing was written. */
export class PatrolWriteError extends Error {
  constructor(readonly reason: Refusal) {
    super(`patrol write refused: ${reason}`);
    this.name = 'PatrolWriteError';
  }
}

type Stamped<T> = Omit<T, 'revision' | 'updatedAt'>;
type EntryKind = PatrolAmendment['entryKind'];

async function logState(tx: Transaction, logId: string): Promise<{ header: PatrolLogHeader | null; closed: boolean }> {
  // Both reads are issued at once: IndexedDB serves them in one round inside the transaction.
  const [found, confirmations] = await Promise.all([patrolLogsTable(tx).get(logId), confirmationsTable(tx).where('logId').equals(logId).toArray()]);
  const header = found ?? null;
  return { header, closed: header ? confirmationState(header, confirmations).closed : false };
}

/** The other participating stations: who a change must reach. */
export function recipientsOf(header: PatrolLogHeader, self: string): string[] {
  return stationUnits(header)
    .map((u) => u.id)
    .filter((id) => id !== self);
}

/** Tells the other participating stations; a log with no other station yet (drafted alone) has no one to tell. */
function tell<E extends PatrolEventType>(scope: CommandScope, header: PatrolLogHeader, actor: PatrolActor, type: E, payload: PatrolEventPayload<E>): void {
  const recipients = recipientsOf(header, actor.station);
  if (recipients.length > 0) scope.emit({ type, aggregateId: header.id, recipients, payload, officer: actor.officer });
}

interface Entry<T extends { id: string; revision: number; updatedAt: string }, E extends PatrolEventType> {
  kind: EntryKind;
  actor: PatrolActor;
  logId: string;
  author: string;
  row: Stamped<T>;
  schema: z.ZodType<T>;
  table: (tx: Transaction) => Dexie.Table<T, string>;
  reason: string | null;
  /** A new log has no header yet: the header itself is being written. */
  headerOverride?: PatrolLogHeader;
  eventType: E;
  payload: (row: T, amendment: PatrolAmendment | null) => PatrolEventPayload<E>;
  /** A rule of this kind of write that needs the database, checked with the other reads (throws to refuse). */
  precheck?: (tx: Transaction) => Promise<void>;
}

/**
 * The one path every co-authored row takes: check the author and the closed state, bump the revision, record an
 * amendment after closing, audit and emit. Two round trips: the reads (with the event log's head), then every
 * write at once.
 */
function saveEntry<T extends { id: string; revision: number; updatedAt: string }, E extends PatrolEventType>(c: Entry<T, E>): Promise<T> {
  return runCommand({
    tables: PATROL_TABLES,
    emits: true,
    async work(scope) {
      const { tx } = scope;
      const [state, local] = await Promise.all([logState(tx, c.logId), c.table(tx).get(c.row.id), c.precheck?.(tx)]);
      const header = c.headerOverride ?? state.header;
      if (!header) throw new PatrolWriteError('noLog');
      const check = checkWrite({ header, station: c.actor.station, rowAuthor: c.author, closed: state.closed, reason: c.reason });
      if (!check.ok) throw new PatrolWriteError(check.reason);
      const now = new Date().toISOString();
      const row = c.schema.parse({ ...c.row, revision: (local?.revision ?? 0) + 1, updatedAt: now });
      const amendment: PatrolAmendment | null =
        state.closed && c.reason
          ? { id: `${c.row.id}:${row.revision}`, logId: c.logId, authorStation: c.actor.station, officer: c.actor.officer, at: now, entryKind: c.kind, entryId: c.row.id, reason: c.reason.trim() }
          : null;
      scope.audit({
        station: c.actor.station,
        officer: c.actor.officer,
        action: 'patrol.edit',
        object: `patrolLog:${c.logId}`,
        result: 'success',
        detail: `${c.kind}:${c.row.id} r${row.revision}${amendment ? ` 更正: ${amendment.reason}` : ''}`,
      });
      tell(scope, header, c.actor, c.eventType, c.payload(row, amendment));
      await Promise.all([c.table(tx).put(row), amendment ? amendmentsTable(tx).put(amendment) : null]);
      return row;
    },
  });
}

/** Opens or revises a log header; only the owner station may. */
export function saveHeader(actor: PatrolActor, header: Stamped<PatrolLogHeader>, reason: string | null = null): Promise<PatrolLogHeader> {
  const draft = patrolLogHeader.parse({ ...header, revision: 1, updatedAt: new Date().toISOString() });
  return saveEntry({
    kind: 'header',
    actor,
    logId: header.id,
    author: header.ownerStation,
    row: header,
    schema: patrolLogHeader,
    table: patrolLogsTable,
    reason,
    headerOverride: draft,
    eventType: 'patrol.logSaved',
    payload: (row, amendment) => ({ header: row, amendment }),
  });
}

export async function saveContingent(actor: PatrolActor, contingent: Stamped<PatrolContingent>, reason: string | null = null): Promise<PatrolContingent> {
  const header = await patrolLogsTable().get(contingent.logId);
  const unit = header?.units.find((u) => u.id === contingent.unitId);
  if (!header || !unit) throw new PatrolWriteError('noLog');
  return saveEntry({
    kind: 'contingent',
    actor,
    logId: contingent.logId,
    author: contingentAuthor(header, unit),
    row: { ...contingent, id: contingentId(contingent.logId, contingent.unitId), authorStation: contingentAuthor(header, unit) },
    schema: patrolContingent,
    table: contingentsTable,
    reason,
    eventType: 'patrol.contingentSaved',
    payload: (row, amendment) => ({ contingent: row, amendment }),
  });
}

export function saveEventRow(actor: PatrolActor, row: Stamped<PatrolEventRow>, reason: string | null = null): Promise<PatrolEventRow> {
  return saveEntry({
    kind: 'event',
    actor,
    logId: row.logId,
    author: row.authorStation,
    row,
    schema: patrolEventRow,
    table: eventRowsTable,
    reason,
    eventType: 'patrol.eventSaved',
    payload: (saved, amendment) => ({ row: saved, amendment }),
  });
}

export function saveInspection(actor: PatrolActor, record: Stamped<InspectionRecord>, reason: string | null = null): Promise<InspectionRecord> {
  return saveEntry({
    kind: 'inspection',
    actor,
    logId: record.logId,
    author: record.authorStation,
    row: record,
    schema: inspectionRecord,
    table: inspectionsTable,
    reason,
    eventType: 'patrol.inspectionSaved',
    payload: (saved, amendment) => ({ record: saved, amendment }),
  });
}

/**
 * Starts an inspection: refused while the same plate is open in this log (at any lane, by any station), checked
 * inside the write's transaction so two quick Enters cannot both start it.
 */
export function startInspection(actor: PatrolActor, record: Stamped<InspectionRecord>): Promise<InspectionRecord> {
  return saveEntry({
    kind: 'inspection',
    actor,
    logId: record.logId,
    author: record.authorStation,
    row: record,
    schema: inspectionRecord,
    table: inspectionsTable,
    reason: null,
    eventType: 'patrol.inspectionSaved',
    payload: (saved, amendment) => ({ record: saved, amendment }),
    precheck: async (tx) => {
      const open = await inspectionsTable(tx)
        .where('logId')
        .equals(record.logId)
        .filter((r) => r.plate === record.plate && r.result === null && !r.removed && r.id !== record.id)
        .count();
      if (open > 0) throw new PatrolWriteError('plateOpen');
    },
  });
}

/** 签认: this station's leader confirms the log for this station's unit. */
export function confirmLog(actor: PatrolActor, logId: string): Promise<PatrolConfirmation> {
  return runCommand({
    tables: PATROL_TABLES,
    emits: true,
    async work(scope) {
      const { tx } = scope;
      const id = `${logId}:${actor.station}`;
      const [{ header }, existing, contingent] = await Promise.all([logState(tx, logId), confirmationsTable(tx).get(id), contingentsTable(tx).get(contingentId(logId, actor.station))]);
      if (!header) throw new PatrolWriteError('noLog');
      if (!isParticipant(header, actor.station)) throw new PatrolWriteError('notParticipant');
      if (existing) throw new PatrolWriteError('alreadyConfirmed');
      const [blocker] = confirmBlockers(header, contingent);
      if (blocker) throw new PatrolWriteError(blocker);
      const confirmation: PatrolConfirmation = { id, logId, unitId: actor.station, officer: actor.officer, officerName: actor.officerName, at: new Date().toISOString() };
      scope.audit({ station: actor.station, officer: actor.officer, action: 'patrol.confirm', object: `patrolLog:${logId}`, result: 'success', detail: actor.station });
      tell(scope, header, actor, 'patrol.confirmed', { confirmation });
      await confirmationsTable(tx).put(confirmation);
      return confirmation;
    },
  });
}

/**
 * 一点四检: stops a vessel (the vessel row, this station its author). Refused while the same vessel (by number,
 * else by name) is still under inspection in this log at any station, checked inside the write's transaction.
 */
export function startVessel(actor: PatrolActor, vessel: Stamped<VesselInspection>): Promise<VesselInspection> {
  return saveEntry({
    kind: 'vessel',
    actor,
    logId: vessel.logId,
    author: vessel.authorStation,
    row: vessel,
    schema: vesselInspection,
    table: vesselsTable,
    reason: null,
    eventType: 'patrol.vesselSaved',
    payload: (saved, amendment) => ({ vessel: saved, amendment }),
    precheck: async (tx) => {
      const [header, same] = await Promise.all([
        patrolLogsTable(tx).get(vessel.logId),
        vesselsTable(tx)
          .where('logId')
          .equals(vessel.logId)
          .filter((v) => !v.removed && v.endAt === null && v.id !== vessel.id && (vessel.vesselNumber !== '' ? v.vesselNumber === vessel.vesselNumber : v.vesselName === vessel.vesselName))
          .toArray(),
      ]);
      if (!header || same.length === 0) return;
      const parts = await vesselPartsTable(tx).where('inspectionId').anyOf(same.map((v) => v.id)).toArray();
      if (same.some((v) => vesselOutcome(header, parts.filter((p) => p.inspectionId === v.id)).state === 'pending')) throw new PatrolWriteError('vesselOpen');
    },
  });
}

/** Revises the vessel row (details, persons on board, end time); only its author station may. */
export function saveVessel(actor: PatrolActor, vessel: Stamped<VesselInspection>, reason: string | null = null): Promise<VesselInspection> {
  return saveEntry({
    kind: 'vessel',
    actor,
    logId: vessel.logId,
    author: vessel.authorStation,
    row: vessel,
    schema: vesselInspection,
    table: vesselsTable,
    reason,
    eventType: 'patrol.vesselSaved',
    payload: (saved, amendment) => ({ vessel: saved, amendment }),
  });
}

/**
 * Records one unit's part of a vessel's inspection: a station its own, and the parts of the agencies it hosts (代录),
 * never the other station's (checkPartWrite, against the header read in the same transaction). The part's id is
 * `<inspection>:<unit>`, so a unit has one part per vessel and a second key press revises it.
 */
export function saveVesselPart(actor: PatrolActor, part: Omit<Stamped<VesselPart>, 'id' | 'authorStation'>, reason: string | null = null): Promise<VesselPart> {
  return saveEntry({
    kind: 'vesselPart',
    actor,
    logId: part.logId,
    author: actor.station,
    row: { ...part, id: vesselPartId(part.inspectionId, part.unitId), authorStation: actor.station },
    schema: vesselPart,
    table: vesselPartsTable,
    reason,
    eventType: 'patrol.vesselPartSaved',
    payload: (saved, amendment) => ({ part: saved, amendment }),
    precheck: async (tx) => {
      const [header, vessel] = await Promise.all([patrolLogsTable(tx).get(part.logId), vesselsTable(tx).get(part.inspectionId)]);
      if (!header) throw new PatrolWriteError('noLog');
      const check = checkPartWrite(header, actor.station, part.unitId);
      if (!check.ok) throw new PatrolWriteError(check.reason);
      if (!vessel || vessel.removed || vessel.logId !== part.logId) throw new PatrolWriteError('noVessel');
    },
  });
}
