import { db, type TableSource } from '@renderer/platform/db';
import type { IncomingEvent } from '@renderer/sync';
import type { PatrolContingent, PatrolLogHeader } from '@shared/patrol/log';
import type { InspectionRecord, PatrolAmendment, PatrolConfirmation, PatrolEventRow } from '@shared/patrol/entries';
import type { VesselInspection, VesselPart } from '@shared/patrol/vessel';

/** Typed access to the patrol stores (schema version 7): the window's database, or a command's or applier's transaction. */
export const PATROL_LOGS = 'patrolLogs';
export const PATROL_CONTINGENTS = 'patrolContingents';
export const PATROL_EVENTS = 'patrolEvents';
export const PATROL_INSPECTIONS = 'patrolInspections';
export const PATROL_CONFIRMATIONS = 'patrolConfirmations';
export const PATROL_AMENDMENTS = 'patrolAmendments';
export const PATROL_DRAFTS = 'patrolDrafts';
export const PATROL_PARKED = 'patrolParked';
/** 一点四检 (schema version 16): vessel inspections and each unit's part. */
export const PATROL_VESSELS = 'patrolVessels';
export const PATROL_VESSEL_PARTS = 'patrolVesselParts';

/** Every table a patrol change writes (drafts excluded: they never travel). */
export const PATROL_TABLES = [PATROL_LOGS, PATROL_CONTINGENTS, PATROL_EVENTS, PATROL_INSPECTIONS, PATROL_CONFIRMATIONS, PATROL_AMENDMENTS, PATROL_VESSELS, PATROL_VESSEL_PARTS];

export interface DraftRow {
  key: string;
  value: unknown;
  savedAt: string;
}

export const patrolLogsTable = (source: TableSource = db()) => source.table<PatrolLogHeader, string>(PATROL_LOGS);
export const contingentsTable = (source: TableSource = db()) => source.table<PatrolContingent, string>(PATROL_CONTINGENTS);
export const eventRowsTable = (source: TableSource = db()) => source.table<PatrolEventRow, string>(PATROL_EVENTS);
export const inspectionsTable = (source: TableSource = db()) => source.table<InspectionRecord, string>(PATROL_INSPECTIONS);
export const confirmationsTable = (source: TableSource = db()) => source.table<PatrolConfirmation, string>(PATROL_CONFIRMATIONS);
export const amendmentsTable = (source: TableSource = db()) => source.table<PatrolAmendment, string>(PATROL_AMENDMENTS);
export const vesselsTable = (source: TableSource = db()) => source.table<VesselInspection, string>(PATROL_VESSELS);
export const vesselPartsTable = (source: TableSource = db()) => source.table<VesselPart, string>(PATROL_VESSEL_PARTS);
export const draftsTable = (source: TableSource = db()) => source.table<DraftRow, string>(PATROL_DRAFTS);

export interface ParkedRow {
  /** The event id. */
  id: string;
  logId: string;
  event: IncomingEvent;
}
export const parkedTable = (source: TableSource = db()) => source.table<ParkedRow, string>(PATROL_PARKED);
