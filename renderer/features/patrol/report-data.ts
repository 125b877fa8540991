import { db } from '@renderer/platform/db';
import type { ReportInput } from '@shared/patrol/reports';
import { eventRowsTable, inspectionsTable, PATROL_EVENTS, PATROL_INSPECTIONS, PATROL_LOGS, patrolLogsTable } from './tables';

/** Logs from `fromDate` on, with their events and inspections, read in one transaction. */
export function readReportInput(fromDate: string): Promise<ReportInput> {
  return db().transaction('r', [PATROL_LOGS, PATROL_EVENTS, PATROL_INSPECTIONS], async () => {
    const headers = await patrolLogsTable().where('date').aboveOrEqual(fromDate).toArray();
    const ids = headers.map((h) => h.id);
    const [events, inspections] = await Promise.all([eventRowsTable().where('logId').anyOf(ids).toArray(), inspectionsTable().where('logId').anyOf(ids).toArray()]);
    return { headers, events, inspections };
  });
}
