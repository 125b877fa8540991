import type { Transaction } from 'dexie';
import { beijingDate } from '@shared/migration/deadlines';
import { migrationEvents, type MigrationEventPayload, type MigrationEventType } from '@shared/migration/events';
import type { MigrationCase } from '@shared/migration/model';
import { decideForSide, terminalStatuses, type MigrationTransition, type Side } from '@shared/migration/state-machine';
import { META_TABLE } from '@renderer/platform/db';
import { AUDIT_TABLE, appendAuditIn } from '@renderer/platform/audit';
import { currentStationIdentity } from '@renderer/platform/station';
import { EventConflictError, EventNotAuthorizedError, type EventApplier, type FeatureAppliers, type IncomingEvent } from '@renderer/sync';
import { advance, entry, factsOf } from './case-ops';
import { migrationNow } from './clock';
import { CASES_TABLE, casesTable } from './tables';
import { SYSTEM_ACTOR } from './timeline-actor';

/**
 * Applying the other station's migration events. Who may send what is fixed by the case: the permit comes only
 * from the destination it names and only to the origin it names; the certificate and the return only from the
 * case's origin; withdrawal and expiry notices only from its destination. Anything else is not authorised.
 * A genuine event that does not fit the local state (e.g. a certificate after we withdrew) is a conflict.
 * Everything is read and written through the inbox transaction the applier is handed (with its audit entry).
 */
async function ownStationCode(tx: Transaction): Promise<string> {
  return (await currentStationIdentity(tx.db)).code;
}

function parse<T extends MigrationEventType>(type: T, event: IncomingEvent): MigrationEventPayload<T> {
  return migrationEvents[type].parse(event.payload) as MigrationEventPayload<T>;
}

async function received(tx: Transaction, event: IncomingEvent, c: MigrationCase, detail: string): Promise<void> {
  await appendAuditIn(tx, { station: await ownStationCode(tx), officer: event.authorOfficer, action: `migration.received.${event.type}`, object: `migration:${c.id}`, result: 'success', detail });
}

const permitIssued: EventApplier = async (event, tx) => {
  const p = parse('migration.permitIssued', event);
  if (event.aggregateId !== p.caseId) throw new EventNotAuthorizedError('case id and aggregate differ');
  if (event.authorStation !== p.destinationStation.code || p.permit.issuingStation.code !== event.authorStation) {
    throw new EventNotAuthorizedError(`station ${event.authorStation} did not issue this permit`);
  }
  if (p.intake.origin.code !== (await ownStationCode(tx))) throw new EventNotAuthorizedError('this station is not the origin named by the permit');
  const existing = await casesTable(tx).get(p.caseId);
  if (existing) {
    if (existing.permit?.number === p.permit.number) return;
    throw new EventConflictError('a different case already has this id', existing);
  }
  const receivedAt = migrationNow().toISOString();
  const base: MigrationCase = {
    id: p.caseId,
    side: 'origin',
    status: 'permitIssued',
    intake: p.intake,
    destinationStation: p.destinationStation,
    createdAt: p.at,
    updatedAt: receivedAt,
    permit: p.permit,
    permitReceivedAt: receivedAt,
    timeline: [
      entry({ at: p.at, transition: 'approve', status: 'permitIssued', station: p.destinationStation, officer: { key: event.authorOfficer, name: p.officerName }, note: p.permit.number }),
      entry({ at: receivedAt, transition: 'received', status: 'permitIssued', station: p.intake.origin, officer: { key: SYSTEM_ACTOR, name: '' }, note: p.permit.number }),
    ],
  };
  await casesTable(tx).add(base);
  await received(tx, event, base, p.permit.number);
};

/** The common path of every event about an existing case: authorship, state machine, timeline. */
async function transitionFromRemote(
  tx: Transaction,
  event: IncomingEvent,
  caseId: string,
  transition: MigrationTransition,
  authorSide: Side,
  at: string,
  officerName: string,
  patch: (c: MigrationCase) => Partial<MigrationCase>,
  note = '',
): Promise<void> {
  if (event.aggregateId !== caseId) throw new EventNotAuthorizedError('case id and aggregate differ');
  const c = await casesTable(tx).get(caseId);
  if (!c) throw new EventConflictError('case unknown at this station', null);
  const expectedAuthor = authorSide === 'origin' ? c.intake.origin : c.destinationStation;
  if (event.authorStation !== expectedAuthor.code || c.side === authorSide) {
    throw new EventNotAuthorizedError(`station ${event.authorStation} may not ${transition} case ${caseId}`);
  }
  // The other side's clock decides the time rules (it acted then); our local roles do not apply to them.
  const d = decideForSide({ ...factsOf(c), contactRecorded: true }, transition, authorSide, beijingDate(at));
  // The reason is a code for the log (the sync screens show it as is), not a sentence.
  if (!d.ok) throw new EventConflictError(`${transition} refused: ${d.code} ${JSON.stringify(d.params)}`, { status: c.status });
  const e = entry({ at, transition, status: d.to, station: expectedAuthor, officer: { key: event.authorOfficer, name: officerName }, note });
  const next = advance(c, d.to, e, patch(c), terminalStatuses.includes(d.to));
  await casesTable(tx).put(next);
  await received(tx, event, next, note);
}

const certificateIssued: EventApplier = async (event, tx) => {
  const p = parse('migration.certificateIssued', event);
  const patch = (c: MigrationCase) => {
    if (c.permit && p.certificate.permitNumber !== c.permit.number) throw new EventConflictError('certificate names another permit', { permit: c.permit.number });
    return { certificate: p.certificate, certificateReceivedAt: migrationNow().toISOString() };
  };
  await transitionFromRemote(tx, event, p.caseId, 'issueCertificate', 'origin', p.at, p.officerName, patch, p.certificate.number);
};

const returned: EventApplier = async (event, tx) => {
  const p = parse('migration.returned', event);
  await transitionFromRemote(tx, event, p.caseId, 'return', 'origin', p.at, p.officerName, () => ({ returned: { ...p.return, at: p.at, officerKey: event.authorOfficer } }), p.return.text);
};

function notice(type: 'migration.withdrawn' | 'migration.permitExpired' | 'migration.certificateExpired', transition: MigrationTransition): EventApplier {
  return async (event, tx) => {
    const p = parse(type, event);
    await transitionFromRemote(tx, event, p.caseId, transition, 'destination', p.at, p.officerName, () => ({}), p.note);
  };
}

export const appliers: FeatureAppliers = {
  tables: [CASES_TABLE, AUDIT_TABLE, META_TABLE],
  appliers: {
    'migration.permitIssued': permitIssued,
    'migration.certificateIssued': certificateIssued,
    'migration.returned': returned,
    'migration.withdrawn': notice('migration.withdrawn', 'withdraw'),
    'migration.permitExpired': notice('migration.permitExpired', 'expirePermit'),
    'migration.certificateExpired': notice('migration.certificateExpired', 'expireCertificate'),
  },
};
