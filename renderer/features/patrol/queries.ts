import type Dexie from 'dexie';
import type { Ref } from 'vue';
import { db, useLiveQuery } from '@renderer/platform/db';
import { confirmationState, type ConfirmationState } from '@shared/patrol/coauthoring';
import type { InspectionRecord, PatrolAmendment, PatrolConfirmation, PatrolEventRow } from '@shared/patrol/entries';
import type { CheckpointConfig } from '@shared/patrol/checkpoint';
import type { PatrolContingent, PatrolLogHeader } from '@shared/patrol/log';
import type { VesselInspection, VesselPart } from '@shared/patrol/vessel';
import type { ReportInput } from '@shared/patrol/reports';
import {
  amendmentsTable,
  confirmationsTable,
  contingentsTable,
  eventRowsTable,
  inspectionsTable,
  PATROL_CONFIRMATIONS,
  PATROL_EVENTS,
  PATROL_INSPECTIONS,
  PATROL_LOGS,
  PATROL_TABLES,
  PATROL_VESSEL_PARTS,
  PATROL_VESSELS,
  patrolLogsTable,
  vesselPartsTable,
  vesselsTable,
} from './tables';

/** The patrol feature's reads: plain reads for the commands and the store, liveQuery composables for the screens. */

/** Everything of one log, read together so the screen never shows half a change. */
export interface PatrolLogView {
  header: PatrolLogHeader;
  contingents: PatrolContingent[];
  events: PatrolEventRow[];
  inspections: InspectionRecord[];
  confirmations: PatrolConfirmation[];
  amendments: PatrolAmendment[];
  /** 一点四检: vessels (oldest first) and every unit's parts of them. */
  vessels: VesselInspection[];
  vesselParts: VesselPart[];
}

export async function readLog(logId: string): Promise<PatrolLogView | null> {
  return db().transaction('r', PATROL_TABLES, async () => {
    const header = await patrolLogsTable().get(logId);
    if (!header) return null;
    const byLog = <T>(table: Dexie.Table<T, string>) => table.where('logId').equals(logId).toArray();
    const [contingents, events, inspections, confirmations, amendments, vessels, vesselParts] = await Promise.all([
      byLog(contingentsTable()),
      byLog(eventRowsTable()),
      byLog(inspectionsTable()),
      byLog(confirmationsTable()),
      byLog(amendmentsTable()),
      byLog(vesselsTable()),
      byLog(vesselPartsTable()),
    ]);
    return {
      header,
      contingents,
      events: events.filter((e) => !e.removed).sort((a, b) => a.at.localeCompare(b.at)),
      inspections: inspections.sort((a, b) => a.startAt.localeCompare(b.startAt)),
      confirmations,
      amendments: amendments.sort((a, b) => a.at.localeCompare(b.at)),
      vessels: vessels.sort((a, b) => a.startAt.localeCompare(b.startAt)),
      vesselParts,
    };
  });
}

/** The next free log number of this station for a day: XL-20261123-蒸淀派出所 code tail-01. */
export async function nextLogNumber(station: string, date: string): Promise<string> {
  const count = await patrolLogsTable().where('date').equals(date).filter((h) => h.ownerStation === station).count();
  return `XL-${date.replace(/-/g, '')}-${station.slice(0, 6)}-${String(count + 1).padStart(2, '0')}`;
}

/** This station's most recent checkpoint set-up (name and lanes): the default of its next checkpoint log. */
export async function lastCheckpointOf(station: string): Promise<CheckpointConfig | null> {
  const latest = await patrolLogsTable()
    .orderBy('date')
    .reverse()
    .filter((h) => h.ownerStation === station && h.checkpoint !== null)
    .first();
  return latest?.checkpoint ?? null;
}

/** Logs from `fromDate` on, with their events and inspections, read in one transaction. */
export function readReportInput(fromDate: string): Promise<ReportInput> {
  return db().transaction('r', [PATROL_LOGS, PATROL_EVENTS, PATROL_INSPECTIONS], async () => {
    const headers = await patrolLogsTable().where('date').aboveOrEqual(fromDate).toArray();
    const ids = headers.map((h) => h.id);
    const [events, inspections] = await Promise.all([eventRowsTable().where('logId').anyOf(ids).toArray(), inspectionsTable().where('logId').anyOf(ids).toArray()]);
    return { headers, events, inspections };
  });
}

/** 一点四检 report input: logs from `fromDate` on with their vessels and parts, read in one transaction. */
export function readVesselReportInput(fromDate: string): Promise<{ headers: PatrolLogHeader[]; vessels: VesselInspection[]; vesselParts: VesselPart[] }> {
  return db().transaction('r', [PATROL_LOGS, PATROL_VESSELS, PATROL_VESSEL_PARTS], async () => {
    const headers = await patrolLogsTable().where('date').aboveOrEqual(fromDate).toArray();
    const ids = headers.map((h) => h.id);
    const [vessels, vesselParts] = await Promise.all([vesselsTable().where('logId').anyOf(ids).toArray(), vesselPartsTable().where('logId').anyOf(ids).toArray()]);
    return { headers, vessels, vesselParts };
  });
}

export const useVesselReportInput = (fromDate: Ref<string>) => useLiveQuery(() => readVesselReportInput(fromDate.value), [fromDate]);

/** One log, live (any station's change that lands in the patrol tables re-reads it). */
export const useLogView = (logId: Ref<string>) => useLiveQuery(() => readLog(logId.value), [logId]);

export interface LogListRow {
  header: PatrolLogHeader;
  state: ConfirmationState;
}

/** Every log, newest day first, with its confirmation state, live. */
export function useLogList() {
  return useLiveQuery<LogListRow[]>(() =>
    db().transaction('r', [PATROL_LOGS, PATROL_CONFIRMATIONS], async () => {
      const [logs, confirmations] = await Promise.all([patrolLogsTable().orderBy('date').reverse().toArray(), confirmationsTable().toArray()]);
      return logs.map((header) => ({ header, state: confirmationState(header, confirmations.filter((c) => c.logId === header.id)) }));
    }),
  );
}

/** The reports' input from a day on, live. */
export const useReportInput = (fromDate: Ref<string>) => useLiveQuery(() => readReportInput(fromDate.value), [fromDate]);
