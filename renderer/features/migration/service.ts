import Dexie, { type Transaction } from 'dexie';
import { ulid } from 'ulid';
import { officerKey, type OfficerRef, type Role } from '@shared/domain/officer';
import type { StationIdentity } from '@shared/domain/station';
import type { EventPayload } from '@shared/sync/event-registry';
import { beijingDate } from '@shared/migration/deadlines';
import { buildCertificate, buildPermit, type DocumentKind } from '@shared/migration/documents';
import type { MigrationEventType } from '@shared/migration/events';
import { applicantContact, intake, type ApplicantContact, type MigrationCase } from '@shared/migration/model';
import { caseReturn, type CaseReturn } from '@shared/migration/return-reasons';
import { terminalStatuses, type MigrationTransition } from '@shared/migration/state-machine';
import { db, guardedWrite } from '@renderer/platform/db';
import { runCommand, type CommandScope } from '@renderer/sync';
import { advance, counterpartOf, entry, MigrationRuleError, requireTransition, stationRefOf } from './case-ops';
import { issuingAuthority } from './document-text';
import { migrationNow } from './clock';
import type { MigrationConfig } from './config';
import { findPersonByIdNumber, householdById, markMovedOut, prepareSettle, RECORDS_TABLES_FOR_MIGRATION, registeredItemsOf, settlePerson } from './records-port';
import { CASES_TABLE, COUNTERS_TABLE, DRAFTS_TABLE, casesTable, countersTable, draftsTable, type DraftForm } from './tables';

/**
 * The migration workflow's writes. Each runs in ONE Dexie transaction: the case, the audit entry, the outgoing
 * event and (for the certificate and settlement) the resident records commit together or not at all.
 * The caller (the store) has already checked the permission with the session; the state machine checks again
 * here with the officer's roles and this station's side, so no path skips the rules.
 */
export interface OpContext {
  station: StationIdentity;
  officer: { ref: OfficerRef; roles: Role[] };
  config: MigrationConfig;
}

const BASE_TABLES = [CASES_TABLE, COUNTERS_TABLE, DRAFTS_TABLE];

/** One command (sync's runCommand): the case, its audit entry and its event (and any records) in one transaction. */
function write<T>(tables: readonly string[], work: (scope: CommandScope) => Promise<T>): Promise<T> {
  return runCommand({ tables: [...BASE_TABLES, ...tables], emits: true, work });
}

async function loadCase(tx: Transaction, id: string): Promise<MigrationCase> {
  const c = await casesTable(tx).get(id);
  if (!c) throw new MigrationRuleError({ code: 'notFound', params: {} });
  return c;
}

async function nextSeq(tx: Transaction, kind: DocumentKind, station: string, year: string): Promise<number> {
  const key = `${kind}:${station}:${year}`;
  const row = await countersTable(tx).get(key);
  const value = (row?.value ?? 0) + 1;
  await countersTable(tx).put({ key, value });
  return value;
}

function audit(scope: CommandScope, ctx: OpContext, action: string, c: MigrationCase, detail = ''): void {
  scope.audit({ station: ctx.station.code, officer: officerKey(ctx.officer.ref), action, object: `migration:${c.id}`, result: 'success', detail });
}

function send<T extends MigrationEventType>(scope: CommandScope, ctx: OpContext, c: MigrationCase, type: T, payload: EventPayload<T>): void {
  scope.emit({ type, aggregateId: c.id, recipients: [counterpartOf(c).code], payload, officer: officerKey(ctx.officer.ref) });
}

interface Step {
  transition: MigrationTransition;
  note?: string;
  patch?: (at: string) => Partial<MigrationCase>;
}

/** Load, check with the state machine, write the advanced case and its audit entry. Returns the new case. */
async function step(scope: CommandScope, ctx: OpContext, id: string, s: Step): Promise<MigrationCase> {
  const c = await loadCase(scope.tx, id);
  const now = migrationNow();
  const to = requireTransition(c, s.transition, { side: c.side, roles: ctx.officer.roles }, beijingDate(now));
  const at = now.toISOString();
  const e = entry({ at, transition: s.transition, status: to, station: stationRefOf(ctx.station), officer: ctx.officer.ref, ...(s.note ? { note: s.note } : {}) });
  const next = advance(c, to, e, s.patch?.(at) ?? {}, terminalStatuses.includes(to));
  audit(scope, ctx, `migration.${s.transition}`, next, s.note ?? '');
  await casesTable(scope.tx).put(next);
  return next;
}

// ——— drafts (intake as typed) ———

/** Saves the form as typed (valid or not). Returns the draft id. */
export async function saveDraft(id: string | null, form: DraftForm, officer: string): Promise<string> {
  const draftId = id ?? ulid();
  const at = new Date().toISOString();
  await guardedWrite(() =>
    db().transaction('rw', DRAFTS_TABLE, async () => {
      const current = await draftsTable().get(draftId);
      await draftsTable().put({ id: draftId, form: Dexie.deepClone(form), createdAt: current?.createdAt ?? at, updatedAt: at, officer });
    }),
  );
  return draftId;
}

export async function discardDraft(id: string): Promise<void> {
  await guardedWrite(() => draftsTable().delete(id));
}

// ——— destination ———

/** Submits a draft: validates it (zod errors go back to the form), creates the case, removes the draft. */
export async function submitIntake(draftId: string, form: DraftForm, ctx: OpContext, origin: MigrationCase['intake']['origin']): Promise<MigrationCase> {
  const parsed = intake.parse({ ...form, origin, destination: form.destination });
  return write([], async (scope) => {
    const now = migrationNow();
    const at = now.toISOString();
    const draft: MigrationCase = {
      id: ulid(),
      side: 'destination',
      status: 'draft',
      intake: parsed,
      destinationStation: stationRefOf(ctx.station),
      createdAt: at,
      updatedAt: at,
      timeline: [],
    };
    const to = requireTransition(draft, 'submit', { side: 'destination', roles: ctx.officer.roles }, beijingDate(now));
    const e = entry({ at, transition: 'submit', status: to, station: draft.destinationStation, officer: ctx.officer.ref });
    const c = advance(draft, to, e, {}, false);
    // The audit trail stays clear on disk (docs/security.md): it names the case and its category, never the applicant's ID.
    audit(scope, ctx, 'migration.intake', c, parsed.category);
    await Promise.all([casesTable(scope.tx).add(c), draftsTable(scope.tx).delete(draftId)]);
    return c;
  });
}

/**
 * 审批通过 with the approver's opinion (审批意见): issues the move-in permit (准予迁入证明), which carries and prints
 * the opinion, keeps it in the case's decision, and sends the permit to the origin station.
 */
export async function approve(id: string, opinion: string, ctx: OpContext): Promise<MigrationCase> {
  const said = opinion.trim();
  if (said.length < 2) throw new MigrationRuleError({ code: 'opinionRequired', params: {} });
  return write([], async (scope) => {
    const c = await loadCase(scope.tx, id);
    const issuedAt = migrationNow().toISOString();
    const seq = await nextSeq(scope.tx, 'permit', ctx.station.code, issuedAt.slice(0, 4));
    const station = stationRefOf(ctx.station);
    const permit = buildPermit({ intake: c.intake, station, authority: issuingAuthority(station), officer: ctx.officer.ref, issuedAt, seq, limits: ctx.config.limits, opinion: said });
    const decision = { approved: true, reason: said, at: issuedAt, officerKey: officerKey(ctx.officer.ref) };
    const next = await step(scope, ctx, id, { transition: 'approve', note: permit.number, patch: () => ({ permit, decision }) });
    send(scope, ctx, next, 'migration.permitIssued', {
      caseId: next.id,
      at: issuedAt,
      officerName: ctx.officer.ref.name,
      intake: next.intake,
      destinationStation: next.destinationStation,
      permit,
    });
    return next;
  });
}

export async function reject(id: string, reason: string, ctx: OpContext): Promise<MigrationCase> {
  const why = reason.trim();
  if (why.length < 2) throw new MigrationRuleError({ code: 'reasonRequired', params: {} });
  return write([], (scope) =>
    step(scope, ctx, id, { transition: 'reject', note: why, patch: (at) => ({ decision: { approved: false, reason: why, at, officerKey: officerKey(ctx.officer.ref) } }) }),
  );
}

/** 撤回: before the origin acts. Once the permit is out, the origin is told to stop. */
export async function withdraw(id: string, note: string, ctx: OpContext): Promise<MigrationCase> {
  return write([], async (scope) => {
    const before = await loadCase(scope.tx, id);
    const next = await step(scope, ctx, id, { transition: 'withdraw', note: note.trim() });
    if (before.status === 'permitIssued') {
      send(scope, ctx, next, 'migration.withdrawn', { caseId: id, at: next.updatedAt, officerName: ctx.officer.ref.name, note: note.trim() });
    }
    return next;
  });
}

/** Records that the applicant was told the certificate arrived (1-working-day limit). */
export async function notifyApplicant(id: string, note: string, ctx: OpContext): Promise<MigrationCase> {
  return write([], (scope) => step(scope, ctx, id, { transition: 'notifyApplicant', note: note.trim(), patch: (at) => ({ applicantNotifiedAt: at }) }));
}

/**
 * 落户: every person on the certificate joins the chosen household (created, or brought back to 在册), the case
 * closes — one transaction with the records.
 */
export async function settle(id: string, householdId: string, ctx: OpContext): Promise<MigrationCase> {
  // Loaded before the transaction opens: a module load inside it would let IndexedDB commit it half-way.
  await prepareSettle();
  return write(RECORDS_TABLES_FOR_MIGRATION, async (scope) => {
    const c = await loadCase(scope.tx, id);
    const cert = c.certificate;
    if (!cert) throw new MigrationRuleError({ code: 'noCertificate', params: {} });
    const date = beijingDate(migrationNow());
    const relationOf = (idNumber: string): string =>
      c.intake.applicant.idNumber === idNumber
        ? c.intake.destination.relationshipToHouseholder
        : (c.intake.coMovers.find((m) => m.idNumber === idNumber)?.relationshipToHouseholder ?? '80');
    // The state machine first: nothing is written to the records for a case that may not settle.
    requireTransition(c, 'settle', { side: c.side, roles: ctx.officer.roles }, date);
    const personIds: string[] = [];
    // The phone taken at intake is the applicant's own (the certificate carries none): it goes into their record.
    const phoneOf = (idNumber: string): string => (c.intake.applicant.idNumber.toUpperCase() === idNumber.toUpperCase() ? c.intake.phone : '');
    for (const items of cert.persons) {
      const settler = { items, relationship: relationOf(items.idNumber), phone: phoneOf(items.idNumber), originAddress: cert.originAddress, date, certificateNumber: cert.number };
      const person = await settlePerson(householdId, settler, ctx.officer.ref, scope);
      personIds.push(person.id);
    }
    return step(scope, ctx, id, { transition: 'settle', note: cert.number, patch: (at) => ({ settlement: { at, householdId, personIds } }) });
  });
}

/** Declares an expired permit or certificate (also run as a sweep when the list opens) and tells the origin. */
export async function expire(id: string, which: 'permit' | 'certificate', ctx: OpContext): Promise<MigrationCase> {
  const transition = which === 'permit' ? 'expirePermit' : 'expireCertificate';
  const type = which === 'permit' ? 'migration.permitExpired' : 'migration.certificateExpired';
  return write([], async (scope) => {
    const next = await step(scope, ctx, id, { transition });
    send(scope, ctx, next, type, { caseId: id, at: next.updatedAt, officerName: ctx.officer.ref.name, note: '' });
    return next;
  });
}

// ——— origin ———

/** 与申请人核实: how the applicant was reached and whether they confirmed. */
export async function recordContact(id: string, raw: ApplicantContact, ctx: OpContext): Promise<MigrationCase> {
  const contact = applicantContact.parse(raw);
  return write([], (scope) =>
    step(scope, ctx, id, {
      transition: 'recordContact',
      note: contact.note,
      patch: (at) => ({ contact: { ...contact, at, officerKey: officerKey(ctx.officer.ref) } }),
    }),
  );
}

/**
 * 签发户口迁移证 and 迁出 in ONE transaction: the certificate carries the persons' items from this station's record;
 * each person is marked moved out with date, destination and certificate number; the certificate goes back.
 */
export async function issueCertificate(id: string, ctx: OpContext): Promise<MigrationCase> {
  return write(RECORDS_TABLES_FOR_MIGRATION, async (scope) => {
    const c = await loadCase(scope.tx, id);
    const permit = c.permit;
    if (!permit) throw new MigrationRuleError({ code: 'noPermit', params: {} });
    const now = migrationNow();
    requireTransition(c, 'issueCertificate', { side: c.side, roles: ctx.officer.roles }, beijingDate(now));
    const people = [permit.person, ...permit.coMovers];
    const rows = await Promise.all(people.map((p) => findPersonByIdNumber(p.idNumber, scope.tx)));
    const missing = people.filter((_, i) => rows[i]?.status.code !== 'registered');
    if (missing.length > 0) throw new MigrationRuleError({ code: 'personNotRegistered', params: { names: missing.map((p) => p.name) } });
    const records = rows.filter((r) => r !== undefined);
    const issuedAt = now.toISOString();
    const seq = await nextSeq(scope.tx, 'certificate', ctx.station.code, issuedAt.slice(0, 4));
    const household = records[0]?.householdId ?? '';
    const originAddress = (await householdById(household, scope.tx))?.address ?? c.intake.currentAddress;
    const certificate = buildCertificate({
      permit,
      persons: records.map(registeredItemsOf),
      originAddress,
      station: stationRefOf(ctx.station),
      authority: issuingAuthority(stationRefOf(ctx.station)),
      officer: ctx.officer.ref,
      issuedAt,
      seq,
      limits: ctx.config.limits,
    });
    for (const r of records) {
      await markMovedOut(r.id, { date: beijingDate(now), destination: permit.destinationAddress, certificateNumber: certificate.number }, ctx.officer.ref, scope);
    }
    const next = await step(scope, ctx, id, { transition: 'issueCertificate', note: certificate.number, patch: () => ({ certificate }) });
    send(scope, ctx, next, 'migration.certificateIssued', { caseId: id, at: issuedAt, officerName: ctx.officer.ref.name, certificate });
    return next;
  });
}

/** 退回 with a reason from the list and free text; the destination is told. */
export async function returnCase(id: string, raw: CaseReturn, ctx: OpContext): Promise<MigrationCase> {
  const ret = caseReturn.parse(raw);
  return write([], async (scope) => {
    const next = await step(scope, ctx, id, {
      transition: 'return',
      note: ret.text,
      patch: (at) => ({ returned: { ...ret, at, officerKey: officerKey(ctx.officer.ref) } }),
    });
    send(scope, ctx, next, 'migration.returned', { caseId: id, at: next.updatedAt, officerName: ctx.officer.ref.name, return: ret });
    return next;
  });
}
