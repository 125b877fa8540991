import { officerKey, type OfficerRef } from '@shared/domain/officer';
import type { StationIdentity } from '@shared/domain/station';
import type { MigrationCase, StationRef, TimelineEntry } from '@shared/migration/model';
import { decide, type Actor, type CaseFacts, type MigrationStatus, type MigrationTransition, type Side } from '@shared/migration/state-machine';
import type { WorkflowRefusal } from './refusals';

/** Pure helpers the service and the appliers share: facts for the state machine, timeline entries. */
export function stationRefOf(identity: Pick<StationIdentity, 'code' | 'name' | 'province' | 'districtName'>): StationRef {
  return { code: identity.code, name: identity.name, province: identity.province, districtName: identity.districtName };
}

export function factsOf(c: MigrationCase): CaseFacts {
  return {
    status: c.status,
    permitValidUntil: c.permit?.validUntil,
    certificateValidUntil: c.certificate?.validUntil,
    contactRecorded: c.contact?.confirmed === true,
    contactUnconfirmed: c.contact !== undefined && !c.contact.confirmed,
  };
}

/** A refusal by the workflow rules: a code and its parameters; `describeRefusal` words it in the UI language. */
export class MigrationRuleError extends Error {
  readonly code: WorkflowRefusal['code'];

  constructor(readonly refusal: WorkflowRefusal) {
    super(`migration refused: ${refusal.code}`);
    this.name = 'MigrationRuleError';
    this.code = refusal.code;
  }
}

/** Throws the state machine's refusal, or returns the state the case moves to. */
export function requireTransition(c: MigrationCase, transition: MigrationTransition, actor: Actor, today: string): MigrationStatus {
  const d = decide(factsOf(c), transition, actor, today);
  if (!d.ok) throw new MigrationRuleError(d);
  return d.to;
}

/** The side this station plays in a case, from where the case names it. */
export function sideOf(c: Pick<MigrationCase, 'destinationStation' | 'intake'>, stationCode: string): Side | null {
  if (c.destinationStation.code === stationCode) return 'destination';
  if (c.intake.origin.code === stationCode) return 'origin';
  return null;
}

/** The counterpart station: the one every crossing event of this case goes to. */
export function counterpartOf(c: MigrationCase): StationRef {
  return c.side === 'destination' ? c.intake.origin : c.destinationStation;
}

export function entry(input: {
  at: string;
  transition: TimelineEntry['transition'];
  status: MigrationStatus;
  station: StationRef;
  officer: OfficerRef | { key: string; name: string };
  note?: string;
}): TimelineEntry {
  const officer = 'key' in input.officer ? input.officer : { key: officerKey(input.officer), name: input.officer.name };
  return {
    at: input.at,
    transition: input.transition,
    status: input.status,
    station: input.station,
    officerKey: officer.key,
    officerName: officer.name,
    note: input.note ?? '',
  };
}

/** The case after a transition: new status, a timeline entry, the patch, and closure when terminal. */
export function advance(c: MigrationCase, to: MigrationStatus, e: TimelineEntry, patch: Partial<MigrationCase>, terminal: boolean): MigrationCase {
  return {
    ...c,
    ...patch,
    status: to,
    updatedAt: e.at,
    timeline: [...c.timeline, e],
    ...(terminal ? { closedAt: e.at } : {}),
  };
}
