import { stationUnits, type PatrolContingent, type PatrolLogHeader } from './log';
import type { PatrolConfirmation } from './entries';

/**
 * Co-authoring rules (共同填写). Every row has one author station and only that station revises it, so two stations
 * working at once never touch the same row: there is nothing to merge, only newer revisions of one's own rows.
 * The log's state is derived from the confirmations, never stored, so it cannot disagree between stations.
 */
export interface ConfirmationState {
  required: string[];
  confirmed: string[];
  missing: string[];
  closed: boolean;
}

export function confirmationState(header: Pick<PatrolLogHeader, 'units'>, confirmations: readonly Pick<PatrolConfirmation, 'unitId'>[]): ConfirmationState {
  const required = stationUnits(header).map((u) => u.id);
  const done = new Set(confirmations.map((c) => c.unitId));
  const confirmed = required.filter((id) => done.has(id));
  const missing = required.filter((id) => !done.has(id));
  return { required, confirmed, missing, closed: required.length > 0 && missing.length === 0 };
}

export const isParticipant = (header: Pick<PatrolLogHeader, 'units'>, station: string): boolean =>
  stationUnits(header).some((u) => u.id === station);

interface Revisioned {
  revision: number;
  updatedAt: string;
}

/** Whether an incoming revision of a row replaces the local one: a higher revision wins; equal ones keep the later. */
export function isNewer(incoming: Revisioned, local: Revisioned | undefined): boolean {
  if (!local) return true;
  if (incoming.revision !== local.revision) return incoming.revision > local.revision;
  return incoming.updatedAt > local.updatedAt;
}

/** What keeps a station from signing (签认) a log: it lists nobody on patrol, or the log has no end time yet. */
export type ConfirmBlocker = 'noPersonnel' | 'noEndTime';

/**
 * A signed log closes for good once every station has signed: it must say who was out (this station's patrol lead
 * or members) and until when (the header's end time, kept by the owner station).
 */
export function confirmBlockers(header: Pick<PatrolLogHeader, 'endTime'>, contingent: Pick<PatrolContingent, 'leader' | 'members'> | null | undefined): ConfirmBlocker[] {
  const blockers: ConfirmBlocker[] = [];
  const people = (contingent?.leader?.name.trim() ? 1 : 0) + (contingent?.members.length ?? 0);
  if (people === 0) blockers.push('noPersonnel');
  if (!header.endTime) blockers.push('noEndTime');
  return blockers;
}

export type WriteCheck = { ok: true } | { ok: false; reason: 'notAuthor' | 'notParticipant' | 'closedNeedsReason' };

/**
 * May `station` write a row authored by `rowAuthor` in this log? Only its author may; the author must take part.
 * A change after the log closed must carry a reason (更正).
 */
export function checkWrite(args: {
  header: Pick<PatrolLogHeader, 'units'> | null;
  station: string;
  rowAuthor: string;
  closed: boolean;
  reason: string | null;
}): WriteCheck {
  if (args.station !== args.rowAuthor) return { ok: false, reason: 'notAuthor' };
  if (args.header && !isParticipant(args.header, args.station)) return { ok: false, reason: 'notParticipant' };
  if (args.closed && !(args.reason && args.reason.trim().length >= 2)) return { ok: false, reason: 'closedNeedsReason' };
  return { ok: true };
}
