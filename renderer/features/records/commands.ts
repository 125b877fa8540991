import type { Transaction } from 'dexie';
import { ulid } from 'ulid';
import { beijing, beijingDate } from '@shared/domain/beijing-time';
import { officerKey, type OfficerRef } from '@shared/domain/officer';
import { certificateInput, certificateNumber, type CertificateInput, type CertificateRow } from '@shared/domain/resident/certificate';
import { householdInput, newHouseholdInput, type HouseholdInput, type HouseholdRow } from '@shared/domain/resident/household';
import {
  changedFields,
  fieldText,
  personInput,
  type PersonChange,
  type PersonFields,
  type PersonInput,
  type PersonRow,
  type PersonStatus,
} from '@shared/domain/resident/person';
import { addressGrams, loadNameKeys, personTerms, type NameKeysFunctions } from '@shared/domain/resident/search-keys';
import { loadDivisionNames, type DivisionNames } from '@shared/validation/division-codes';
import { guardedWrite } from '@renderer/platform/db';
import { appendAudit, type AuditInput } from '@renderer/platform/audit';
import { COMMAND_TABLES, runCommand, type CommandScope } from '@renderer/sync';
import { RecordsRuleError } from './errors';
import { nextHouseholdNumber } from './household-search';
import { certificatesTable, householdsTable, personChangesTable, personsTable, RECORDS_TABLES } from './tables';

/**
 * The records' writes. Each is one command (sync's runCommand): the change and its audit entry commit together.
 * A command joins a caller's command when it runs inside one whose tables include RECORDS_WRITE_TABLES (migration
 * settles and moves persons out inside its own transaction). Permission checks happen in the store (signed-in
 * officer) or in the calling feature (service API), not here.
 */
export const RECORDS_WRITE_TABLES: readonly string[] = [...RECORDS_TABLES, ...COMMAND_TABLES];

export interface Actor {
  officer: OfficerRef;
  stationCode: string;
}

const now = () => new Date().toISOString();
/** Dates on records and certificates are on the Beijing calendar, whatever the PC's zone (issue #16 §10). */
const today = () => beijingDate(Date.now());

/** `within`: the calling feature's command, which this one runs inside (see the service API). */
function command<T>(work: (scope: CommandScope) => Promise<T>, within?: CommandScope): Promise<T> {
  return runCommand({ tables: RECORDS_TABLES, work, ...(within ? { within } : {}) });
}

function audit(scope: CommandScope, actor: Actor, action: string, object: string, detail = ''): void {
  scope.audit({ station: actor.stationCode, officer: officerKey(actor.officer), action, object, result: 'success', detail });
}

/**
 * What a write derives from names: pinyin keys (pinyin-pro) and the district's full name (the division table) for
 * address grams. Both are large and loaded on the first write, not at startup.
 */
interface WriteKeys {
  nameKeys: NameKeysFunctions['nameKeys'];
  divisionFullName: DivisionNames['divisionFullName'];
}

let loadedKeys: WriteKeys | null = null;

/**
 * Loads what person and household writes need. A command that runs inside a caller's command (`within`: migration
 * settles persons) cannot load it there — IndexedDB commits a transaction left waiting on anything but its own
 * requests — so such a caller awaits this before opening its command.
 */
export async function prepareRecordsWrites(): Promise<void> {
  const [names, divisions] = await Promise.all([loadNameKeys(), loadDivisionNames()]);
  loadedKeys = { nameKeys: names.nameKeys, divisionFullName: divisions.divisionFullName };
}

function withKeys<T>(within: CommandScope | undefined, write: (keys: WriteKeys) => Promise<T>): Promise<T> {
  if (loadedKeys) return write(loadedKeys);
  if (within) return Promise.reject(new Error('records: prepareRecordsWrites() must finish before a command that writes persons inside another'));
  return prepareRecordsWrites().then(() => {
    if (!loadedKeys) throw new Error('records: search keys did not load');
    return write(loadedKeys);
  });
}

const householdWithNumber = (tx: Transaction, number: string) => householdsTable(tx).where('number').equals(number).first();
const personsWithIdNumber = (tx: Transaction, idNumber: string) => personsTable(tx).where('idNumber').equals(idNumber).toArray();

function assertHouseholdNumberFree(taken: HouseholdRow | undefined, exceptId: string | null): void {
  if (taken && taken.id !== exceptId) throw new RecordsRuleError('householdNumberTaken', 'number');
}

/** An ID number may be registered (在册) once; moved-out and cancelled records keep theirs for the archive. */
function assertIdNumberFree(sameIdNumber: readonly PersonRow[], exceptId: string | null): void {
  if (sameIdNumber.some((p) => p.id !== exceptId && p.status.code === 'registered')) throw new RecordsRuleError('idNumberTaken', 'idNumber');
}

/** A new household's 户号 may be left blank: the next free one of the station's sequence is assigned. */
export function createHousehold(raw: HouseholdInput, actor: Actor): Promise<HouseholdRow> {
  const fields = newHouseholdInput.parse(raw);
  return withKeys(undefined, ({ divisionFullName }) => command(async (scope) => {
    const number = fields.number === '' ? await nextHouseholdNumber(actor.stationCode, scope.tx) : fields.number;
    assertHouseholdNumberFree(await householdWithNumber(scope.tx, number), null);
    const at = now();
    const row: HouseholdRow = {
      ...fields,
      number,
      id: ulid(),
      stationCode: actor.stationCode,
      householderId: null,
      createdAt: at,
      createdBy: actor.officer,
      updatedAt: at,
      grams: addressGrams(fields.address, divisionFullName(fields.divisionCode)),
    };
    audit(scope, actor, 'household.create', `household:${row.id}`, row.number);
    await householdsTable(scope.tx).add(row);
    return row;
  }));
}

export function updateHousehold(id: string, raw: HouseholdInput, actor: Actor): Promise<HouseholdRow> {
  const fields = householdInput.parse(raw);
  return withKeys(undefined, ({ divisionFullName }) => command(async (scope) => {
    const [current, taken] = await Promise.all([householdsTable(scope.tx).get(id), householdWithNumber(scope.tx, fields.number)]);
    if (!current) throw new RecordsRuleError('householdNotFound');
    assertHouseholdNumberFree(taken, id);
    const row: HouseholdRow = { ...current, ...fields, updatedAt: now(), grams: addressGrams(fields.address, divisionFullName(fields.divisionCode)) };
    audit(scope, actor, 'household.update', `household:${id}`, row.number);
    await householdsTable(scope.tx).put(row);
    return row;
  }));
}

const membersOf = (tx: Transaction, householdId: string) => personsTable(tx).where('householdId').equals(householdId).toArray();
const nextPersonNo = (members: readonly PersonRow[]): number => members.reduce((max, p) => Math.max(max, p.personNo), 0) + 1;

/** The household's 户主 is the registered member whose relationship is 户主 (code 02). */
const householderOf = (members: readonly PersonRow[]): string | null => members.find((p) => p.relationship === '02' && p.status.code === 'registered')?.id ?? null;

async function refreshHouseholder(tx: Transaction, householdId: string): Promise<void> {
  const [household, members] = await Promise.all([householdsTable(tx).get(householdId), membersOf(tx, householdId)]);
  const householderId = householderOf(members);
  if (household && household.householderId !== householderId) await householdsTable(tx).update(householdId, { householderId });
}

function registered(date: string): PersonStatus {
  return { code: 'registered', date, reason: '', reference: '', destination: '' };
}

export function createPerson(householdId: string, raw: PersonInput, actor: Actor, within?: CommandScope): Promise<PersonRow> {
  const fields = personInput.parse(raw);
  return withKeys(within, ({ nameKeys }) => command(async (scope) => {
    const { tx } = scope;
    const [household, sameIdNumber, members] = await Promise.all([householdsTable(tx).get(householdId), personsWithIdNumber(tx, fields.idNumber), membersOf(tx, householdId)]);
    if (!household) throw new RecordsRuleError('householdNotFound');
    assertIdNumberFree(sameIdNumber, null);
    const at = now();
    const row: PersonRow = {
      ...fields,
      id: ulid(),
      householdId,
      personNo: nextPersonNo(members),
      status: registered(today()),
      registeredAt: at,
      registeredBy: actor.officer,
      updatedAt: at,
      ...nameKeys(fields.name),
      terms: personTerms(fields),
    };
    audit(scope, actor, 'person.create', `person:${row.id}`);
    // The members were read in this transaction: the new 户主 (if any) is known without reading them again.
    const householderId = householderOf([...members, row]);
    await Promise.all([personsTable(tx).add(row), household.householderId !== householderId ? householdsTable(tx).update(householdId, { householderId }) : null]);
    return row;
  }, within));
}

function changeEntries(personId: string, before: Record<string, unknown>, after: Record<string, unknown>, fields: string[], actor: Actor, reason: string): PersonChange[] {
  const at = now();
  return fields.map((field) => ({
    id: ulid(),
    personId,
    field,
    oldValue: fieldText(before[field]),
    newValue: fieldText(after[field]),
    officer: actor.officer,
    at,
    reason,
  }));
}

function requireReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 2) throw new RecordsRuleError('reasonRequired', 'reason');
  return trimmed;
}

/** Edits a person; every changed field goes to the change log with the reason. Returns the log entries. */
export function updatePerson(id: string, raw: PersonInput, reason: string, actor: Actor, within?: CommandScope): Promise<PersonChange[]> {
  const fields: PersonFields = personInput.parse(raw);
  return withKeys(within, ({ nameKeys }) => command(async (scope) => {
    const { tx } = scope;
    const current = await personsTable(tx).get(id);
    if (!current) throw new RecordsRuleError('personNotFound');
    const changed = changedFields(current, fields);
    if (changed.length === 0) return [];
    const why = requireReason(reason);
    if (changed.includes('idNumber')) assertIdNumberFree(await personsWithIdNumber(tx, fields.idNumber), id);
    const entries = changeEntries(id, current, fields, changed, actor, why);
    audit(scope, actor, 'person.update', `person:${id}`, changed.join(','));
    await Promise.all([personsTable(tx).put({ ...current, ...fields, updatedAt: now(), ...nameKeys(fields.name), terms: personTerms(fields) }), personChangesTable(tx).bulkAdd(entries)]);
    if (changed.includes('relationship')) await refreshHouseholder(tx, current.householdId);
    return entries;
  }, within));
}

/** Moves a person to another household (关系 to the new householder given); logged like any edit. */
export function movePerson(id: string, targetHouseholdId: string, relationship: string, reason: string, actor: Actor, within?: CommandScope): Promise<PersonRow> {
  const why = requireReason(reason);
  return command(async (scope) => {
    const { tx } = scope;
    const [current, target] = await Promise.all([personsTable(tx).get(id), householdsTable(tx).get(targetHouseholdId)]);
    const source = current ? await householdsTable(tx).get(current.householdId) : undefined;
    if (!current || !source) throw new RecordsRuleError('personNotFound');
    if (!target) throw new RecordsRuleError('householdNotFound', 'target');
    if (target.id === source.id) throw new RecordsRuleError('sameHousehold', 'target');
    const next: PersonRow = { ...current, householdId: target.id, relationship, personNo: nextPersonNo(await membersOf(tx, target.id)), updatedAt: now() };
    const entries = changeEntries(id, { household: source.number, relationship: current.relationship }, { household: target.number, relationship }, current.relationship === relationship ? ['household'] : ['household', 'relationship'], actor, why);
    audit(scope, actor, 'person.move', `person:${id}`, `${source.number}→${target.number}`);
    await Promise.all([personsTable(tx).put(next), personChangesTable(tx).bulkAdd(entries)]);
    await Promise.all([refreshHouseholder(tx, source.id), refreshHouseholder(tx, target.id)]);
    return next;
  }, within);
}

const statusText = (s: PersonStatus) => [s.code, s.date, s.reason, s.reference, s.destination].filter((x) => x !== '').join(' ');

/** 迁出 / 注销 / back to 在册: the record stays, its status says why and when. */
export function setPersonStatus(id: string, status: PersonStatus, actor: Actor, within?: CommandScope): Promise<PersonRow> {
  const why = requireReason(status.reason);
  return command(async (scope) => {
    const { tx } = scope;
    const current = await personsTable(tx).get(id);
    if (!current) throw new RecordsRuleError('personNotFound');
    if (status.code === 'registered' && current.status.code !== 'registered') assertIdNumberFree(await personsWithIdNumber(tx, current.idNumber), id);
    const next: PersonRow = { ...current, status: { ...status, reason: why }, updatedAt: now() };
    audit(scope, actor, 'person.update', `person:${id}`, `status:${status.code}`);
    await Promise.all([
      personsTable(tx).put(next),
      personChangesTable(tx).bulkAdd(changeEntries(id, { status: statusText(current.status) }, { status: statusText(next.status) }, ['status'], actor, why)),
    ]);
    await refreshHouseholder(tx, current.householdId);
    return next;
  }, within);
}

/**
 * 户籍事项证明: numbered per station and year, recorded with a snapshot of what was certified, and audited in
 * the same transaction. Printing is separate (the print view) and audited again when it happens.
 */
export function issueCertificate(personId: string, raw: CertificateInput, actor: Actor & { stationName: string }): Promise<CertificateRow> {
  const input = certificateInput.parse(raw);
  const issued = beijing(Date.now());
  const prefix = `${actor.stationCode}-${issued.year()}-`;
  return command(async (scope) => {
    const { tx } = scope;
    const [person, sameYear] = await Promise.all([personsTable(tx).get(personId), certificatesTable(tx).where('number').startsWith(prefix).count()]);
    const household = person ? await householdsTable(tx).get(person.householdId) : undefined;
    if (!person || !household) throw new RecordsRuleError('personNotFound');
    const row: CertificateRow = {
      id: ulid(),
      number: certificateNumber(actor.stationCode, issued.year(), sameYear + 1),
      personId,
      matter: input.matter,
      statement: input.statement,
      purpose: input.purpose,
      stationCode: actor.stationCode,
      stationName: actor.stationName,
      officer: actor.officer,
      issuedAt: issued.toISOString(),
      issueDate: issued.format('YYYY-MM-DD'),
      validUntil: issued.add(input.validDays, 'day').format('YYYY-MM-DD'),
      person: { name: person.name, formerNames: person.formerNames, sex: person.sex, idNumber: person.idNumber, birthDate: person.birthDate, address: household.address },
    };
    audit(scope, actor, 'certificate.issue', `certificate:${row.number}`, `person:${personId}`);
    await certificatesTable(tx).add(row);
    return row;
  });
}

const guardedAudit = (entry: AuditInput) => guardedWrite(() => appendAudit(entry));

/** Records that an officer looked at something protected (opening a record, revealing a masked number): audit only. */
export async function recordAccess(action: 'person.view' | 'person.reveal', personId: string, actor: Actor, detail = ''): Promise<void> {
  await guardedAudit({ station: actor.stationCode, officer: officerKey(actor.officer), action, object: `person:${personId}`, result: 'success', detail });
}

/** A certificate was printed (or saved as PDF): audit only. */
export async function recordCertificatePrint(row: CertificateRow, actor: Actor, outcome: string): Promise<void> {
  await guardedAudit({ station: actor.stationCode, officer: officerKey(actor.officer), action: 'certificate.print', object: `certificate:${row.number}`, result: 'success', detail: outcome });
}
