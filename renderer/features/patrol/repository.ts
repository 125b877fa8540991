import type Dexie from 'dexie';
import type { z } from 'zod';
import { db, guardedWrite } from '@renderer/platform/db';
import { AUDIT_TABLE, appendAudit } from '@renderer/platform/audit';
import { checkWrite, confirmationState, isParticipant, type WriteCheck } from '@shared/patrol/coauthoring';
import { inspectionRecord, patrolEventRow, type InspectionRecord, type PatrolAmendment, type PatrolConfirmation, type PatrolEventRow } from '@shared/patrol/entries';
import { contingentAuthor, contingentId, patrolContingent, patrolLogHeader, stationUnits, type PatrolContingent, type PatrolLogHeader } from '@shared/patrol/log';
import type { PatrolEventType, PatrolEventPayload } from '@shared/patrol/events';
import { emit, OUTBOX_TABLES, prefetchOutgoing } from './outgoing';
import {
  amendmentsTable,
  confirmationsTable,
  contingentsTable,
  eventRowsTable,
  inspectionsTable,
  PATROL_TABLES,
  patrolLogsTable,
} from './tables';

/** Who writes: this station and the signed-in officer (`province:警号`, name). */
export interface PatrolActor {
  station: string;
  officer: string;
  officerName: string;
}

type Refusal = Exclude<WriteCheck, { ok: true }>['reason'] | 'noLog' | 'alreadyConfirmed' | 'notParticipant';

/** A change the co-authoring rules refuse; the screen explains `reason`. Nothing was written. */
export class PatrolWriteError extends Error {
  constructor(readonly reason: Refusal) {
    super(`patrol write refused: ${reason}`);
    this.name = 'PatrolWriteError';
  }
}

type Stamped<T> = Omit<T, 'revision' | 'updatedAt'>;
type EntryKind = PatrolAmendment['entryKind'];

function transaction<T>(work: () => Promise<T>): Promise<T> {
  return guardedWrite(() => db().transaction('rw', [...PATROL_TABLES, AUDIT_TABLE, ...OUTBOX_TABLES], work));
}

async function logState(logId: string): Promise<{ header: PatrolLogHeader | null; closed: boolean }> {
  // Both reads are issued at once: IndexedDB serves them in one round inside the transaction.
  const [found, confirmations] = await Promise.all([patrolLogsTable().get(logId), confirmationsTable().where('logId').equals(logId).toArray()]);
  const header = found ?? null;
  return { header, closed: header ? confirmationState(header, confirmations).closed : false };
}

/** The other participating stations: who a change must reach. */
export function recipientsOf(header: PatrolLogHeader, self: string): string[] {
  return stationUnits(header)
    .map((u) => u.id)
    .filter((id) => id !== self);
}

interface Commit<T extends { id: string; revision: number; updatedAt: string }, E extends PatrolEventType> {
  kind: EntryKind;
  actor: PatrolActor;
  logId: string;
  author: string;
  row: Stamped<T>;
  schema: z.ZodType<T>;
  table: Dexie.Table<T, string>;
  reason: string | null;
  /** A new log has no header yet: the header itself is being written. */
  headerOverride?: PatrolLogHeader;
  eventType: E;
  payload: (row: T, amendment: PatrolAmendment | null) => PatrolEventPayload<E>;
}

/**
 * The one path every co-authored row takes: check the author and the closed state, bump the revision, record an
 * amendment after closing, audit and emit, all in one transaction (so a crash leaves either all or nothing).
 */
async function commit<T extends { id: string; revision: number; updatedAt: string }, E extends PatrolEventType>(c: Commit<T, E>): Promise<T> {
  return transaction(async () => {
    const [state, local] = await Promise.all([logState(c.logId), c.table.get(c.row.id), prefetchOutgoing()]);
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
    // Independent writes of one transaction, issued together: if any fails, the transaction undoes them all.
    await Promise.all([
      c.table.put(row),
      amendment ? amendmentsTable().put(amendment) : null,
      appendAudit({
        station: c.actor.station,
        officer: c.actor.officer,
        action: 'patrol.edit',
        object: `patrolLog:${c.logId}`,
        result: 'success',
        detail: `${c.kind}:${c.row.id} r${row.revision}${amendment ? ` 更正: ${amendment.reason}` : ''}`,
      }),
      emit({ type: c.eventType, aggregateId: c.logId, recipients: recipientsOf(header, c.actor.station), payload: c.payload(row, amendment), officer: c.actor.officer }),
    ]);
    return row;
  });
}

/** Opens or revises a log header; only the owner station may. */
export function saveHeader(actor: PatrolActor, header: Stamped<PatrolLogHeader>, reason: string | null = null): Promise<PatrolLogHeader> {
  const draft = patrolLogHeader.parse({ ...header, revision: 1, updatedAt: new Date().toISOString() });
  return commit({
    kind: 'header',
    actor,
    logId: header.id,
    author: header.ownerStation,
    row: header,
    schema: patrolLogHeader,
    table: patrolLogsTable(),
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
  return commit({
    kind: 'contingent',
    actor,
    logId: contingent.logId,
    author: contingentAuthor(header, unit),
    row: { ...contingent, id: contingentId(contingent.logId, contingent.unitId), authorStation: contingentAuthor(header, unit) },
    schema: patrolContingent,
    table: contingentsTable(),
    reason,
    eventType: 'patrol.contingentSaved',
    payload: (row, amendment) => ({ contingent: row, amendment }),
  });
}

export function saveEventRow(actor: PatrolActor, row: Stamped<PatrolEventRow>, reason: string | null = null): Promise<PatrolEventRow> {
  return commit({
    kind: 'event',
    actor,
    logId: row.logId,
    author: row.authorStation,
    row,
    schema: patrolEventRow,
    table: eventRowsTable(),
    reason,
    eventType: 'patrol.eventSaved',
    payload: (saved, amendment) => ({ row: saved, amendment }),
  });
}

export function saveInspection(actor: PatrolActor, record: Stamped<InspectionRecord>, reason: string | null = null): Promise<InspectionRecord> {
  return commit({
    kind: 'inspection',
    actor,
    logId: record.logId,
    author: record.authorStation,
    row: record,
    schema: inspectionRecord,
    table: inspectionsTable(),
    reason,
    eventType: 'patrol.inspectionSaved',
    payload: (saved, amendment) => ({ record: saved, amendment }),
  });
}

/** 签认: this station's leader confirms the log for this station's unit. */
export function confirmLog(actor: PatrolActor, logId: string): Promise<PatrolConfirmation> {
  return transaction(async () => {
    const { header } = await logState(logId);
    if (!header) throw new PatrolWriteError('noLog');
    if (!isParticipant(header, actor.station)) throw new PatrolWriteError('notParticipant');
    const id = `${logId}:${actor.station}`;
    if (await confirmationsTable().get(id)) throw new PatrolWriteError('alreadyConfirmed');
    const confirmation: PatrolConfirmation = { id, logId, unitId: actor.station, officer: actor.officer, officerName: actor.officerName, at: new Date().toISOString() };
    await confirmationsTable().put(confirmation);
    await appendAudit({ station: actor.station, officer: actor.officer, action: 'patrol.confirm', object: `patrolLog:${logId}`, result: 'success', detail: actor.station });
    await emit({ type: 'patrol.confirmed', aggregateId: logId, recipients: recipientsOf(header, actor.station), payload: { confirmation }, officer: actor.officer });
    return confirmation;
  });
}

/** Everything of one log, read together so the screen never shows half a change. */
export interface PatrolLogView {
  header: PatrolLogHeader;
  contingents: PatrolContingent[];
  events: PatrolEventRow[];
  inspections: InspectionRecord[];
  confirmations: PatrolConfirmation[];
  amendments: PatrolAmendment[];
}

export async function readLog(logId: string): Promise<PatrolLogView | null> {
  return db().transaction('r', PATROL_TABLES, async () => {
    const header = await patrolLogsTable().get(logId);
    if (!header) return null;
    const byLog = <T>(table: Dexie.Table<T, string>) => table.where('logId').equals(logId).toArray();
    const [contingents, events, inspections, confirmations, amendments] = await Promise.all([
      byLog(contingentsTable()),
      byLog(eventRowsTable()),
      byLog(inspectionsTable()),
      byLog(confirmationsTable()),
      byLog(amendmentsTable()),
    ]);
    return {
      header,
      contingents,
      events: events.filter((e) => !e.removed).sort((a, b) => a.at.localeCompare(b.at)),
      inspections: inspections.sort((a, b) => a.startAt.localeCompare(b.startAt)),
      confirmations,
      amendments: amendments.sort((a, b) => a.at.localeCompare(b.at)),
    };
  });
}

/** The next free log number of this station for a day: XL-20261123-蒸淀派出所 code tail-01. */
export async function nextLogNumber(station: string, date: string): Promise<string> {
  const count = await patrolLogsTable().where('date').equals(date).filter((h) => h.ownerStation === station).count();
  return `XL-${date.replace(/-/g, '')}-${station.slice(0, 6)}-${String(count + 1).padStart(2, '0')}`;
}
