import { z } from 'zod';
import { patrolContingent, patrolLogHeader } from './log';
import { inspectionRecord, patrolAmendment, patrolConfirmation, patrolEventRow } from './entries';
import { vesselInspection, vesselPart } from './vessel';

/**
 * Patrol events that travel between the participating stations. Every payload carries whole rows (they are small
 * and belong to their author), so applying is idempotent and order-independent per row. `amendment` is set when
 * the change was made after the log closed.
 */
export const patrolEvents = {
  'patrol.logSaved': z.object({ header: patrolLogHeader, amendment: patrolAmendment.nullable() }),
  'patrol.contingentSaved': z.object({ contingent: patrolContingent, amendment: patrolAmendment.nullable() }),
  'patrol.eventSaved': z.object({ row: patrolEventRow, amendment: patrolAmendment.nullable() }),
  'patrol.inspectionSaved': z.object({ record: inspectionRecord, amendment: patrolAmendment.nullable() }),
  'patrol.confirmed': z.object({ confirmation: patrolConfirmation }),
  /** 一点四检: the vessel row, by the station that stopped it. */
  'patrol.vesselSaved': z.object({ vessel: vesselInspection, amendment: patrolAmendment.nullable() }),
  /** 一点四检: one unit's part, by that unit's station (an agency's by the station hosting it). */
  'patrol.vesselPartSaved': z.object({ part: vesselPart, amendment: patrolAmendment.nullable() }),
} as const;

export type PatrolEventType = keyof typeof patrolEvents;
export type PatrolEventPayload<T extends PatrolEventType> = z.output<(typeof patrolEvents)[T]>;
