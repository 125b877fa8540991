import dayjs from 'dayjs';
import { ulid } from 'ulid';
import { officerKey, type OfficerRef } from '@shared/domain/officer';
import { householdInput, type HouseholdInput, type HouseholdRow } from '@shared/domain/resident/household';
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
import { addressGrams, nameKeys } from '@shared/domain/resident/search-keys';
import { divisionFullName } from '@shared/validation/division-codes';
import { db, guardedWrite } from '@renderer/platform/db';
import { AUDIT_TABLE, appendAudit } from '@renderer/platform/audit';
import { RecordsRuleError } from './errors';
import { householdsTable, personChangesTable, personsTable, RECORDS_TABLES } from './tables';

/**
 * The records' writes. Each runs in one transaction with the audit table, so the change and its audit entry
 * commit together; each may run inside a caller's transaction that holds RECORDS_WRITE_TABLES.
 * Permission checks happen in the store (signed-in officer) or in the caller (service API), not here.
 */
export const RECORDS_WRITE_TABLES = [...RECORDS_TABLES, AUDIT_TABLE];

export interface Actor {
  officer: OfficerRef;
  stationCode: string;
}

const now = () => new Date().toISOString();
const today = () => dayjs().format('YYYY-MM-DD');

function writeTx<T>(work: () => Promise<T>): Promise<T> {
  return guardedWrite(() => db().transaction('rw', RECORDS_WRITE_TABLES, work));
}

function audit(actor: Actor, action: string, object: string, detail = ''): Promise<unknown> {
  return appendAudit({ station: actor.stationCode, officer: officerKey(actor.officer), action, object, result: 'success', detail });
}

async function assertHouseholdNumberFree(number: string, exceptId: string | null): Promise<void> {
  const taken = await householdsTable().where('number').equals(number).first();
  if (taken && taken.id !== exceptId) throw new RecordsRuleError('householdNumberTaken', 'number');
}

/** An ID number may be registered (在册) once; moved-out and cancelled records keep theirs for the archive. */
async function assertIdNumberFree(idNumber: string, exceptId: string | null): Promise<void> {
  const rows = await personsTable().where('idNumber').equals(idNumber).toArray();
  if (rows.some((p) => p.id !== exceptId && p.status.code === 'registered')) throw new RecordsRuleError('idNumberTaken', 'idNumber');
}

export async function createHousehold(raw: HouseholdInput, actor: Actor): Promise<HouseholdRow> {
  const fields = householdInput.parse(raw);
  return writeTx(async () => {
    await assertHouseholdNumberFree(fields.number, null);
    const at = now();
    const row: HouseholdRow = {
      ...fields,
      id: ulid(),
      stationCode: actor.stationCode,
      householderId: null,
      createdAt: at,
      createdBy: actor.officer,
      updatedAt: at,
      grams: addressGrams(fields.address, divisionFullName(fields.divisionCode)),
    };
    await householdsTable().add(row);
    await audit(actor, 'household.create', `household:${row.id}`, row.number);
    return row;
  });
}

export async function updateHousehold(id: string, raw: HouseholdInput, actor: Actor): Promise<HouseholdRow> {
  const fields = householdInput.parse(raw);
  return writeTx(async () => {
    const current = await householdsTable().get(id);
    if (!current) throw new RecordsRuleError('householdNotFound');
    await assertHouseholdNumberFree(fields.number, id);
    const row: HouseholdRow = { ...current, ...fields, updatedAt: now(), grams: addressGrams(fields.address, divisionFullName(fields.divisionCode)) };
    await householdsTable().put(row);
    await audit(actor, 'household.update', `household:${id}`, row.number);
    return row;
  });
}

async function nextPersonNo(householdId: string): Promise<number> {
  const members = await personsTable().where('householdId').equals(householdId).toArray();
  return members.reduce((max, p) => Math.max(max, p.personNo), 0) + 1;
}

/** The household's 户主 is the registered member whose relationship is 户主 (code 02). */
async function refreshHouseholder(householdId: string): Promise<void> {
  const household = await householdsTable().get(householdId);
  if (!household) return;
  const members = await personsTable().where('householdId').equals(householdId).toArray();
  const head = members.find((p) => p.relationship === '02' && p.status.code === 'registered');
  const householderId = head?.id ?? null;
  if (household.householderId !== householderId) await householdsTable().update(householdId, { householderId });
}

function registered(date: string): PersonStatus {
  return { code: 'registered', date, reason: '', reference: '', destination: '' };
}

export async function createPerson(householdId: string, raw: PersonInput, actor: Actor): Promise<PersonRow> {
  const fields = personInput.parse(raw);
  return writeTx(async () => {
    if (!(await householdsTable().get(householdId))) throw new RecordsRuleError('householdNotFound');
    await assertIdNumberFree(fields.idNumber, null);
    const at = now();
    const row: PersonRow = {
      ...fields,
      id: ulid(),
      householdId,
      personNo: await nextPersonNo(householdId),
      status: registered(today()),
      registeredAt: at,
      registeredBy: actor.officer,
      updatedAt: at,
      ...nameKeys(fields.name),
    };
    await personsTable().add(row);
    await refreshHouseholder(householdId);
    await audit(actor, 'person.create', `person:${row.id}`);
    return row;
  });
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
export async function updatePerson(id: string, raw: PersonInput, reason: string, actor: Actor): Promise<PersonChange[]> {
  const fields: PersonFields = personInput.parse(raw);
  return writeTx(async () => {
    const current = await personsTable().get(id);
    if (!current) throw new RecordsRuleError('personNotFound');
    const changed = changedFields(current, fields);
    if (changed.length === 0) return [];
    const why = requireReason(reason);
    if (changed.includes('idNumber')) await assertIdNumberFree(fields.idNumber, id);
    const entries = changeEntries(id, current, fields, changed, actor, why);
    await personsTable().put({ ...current, ...fields, updatedAt: now(), ...nameKeys(fields.name) });
    await personChangesTable().bulkAdd(entries);
    if (changed.includes('relationship')) await refreshHouseholder(current.householdId);
    await audit(actor, 'person.update', `person:${id}`, changed.join(','));
    return entries;
  });
}

/** Moves a person to another household (关系 to the new householder given); logged like any edit. */
export async function movePerson(id: string, targetHouseholdId: string, relationship: string, reason: string, actor: Actor): Promise<PersonRow> {
  const why = requireReason(reason);
  return writeTx(async () => {
    const current = await personsTable().get(id);
    const source = current ? await householdsTable().get(current.householdId) : undefined;
    const target = await householdsTable().get(targetHouseholdId);
    if (!current || !source) throw new RecordsRuleError('personNotFound');
    if (!target) throw new RecordsRuleError('householdNotFound', 'target');
    if (target.id === source.id) throw new RecordsRuleError('sameHousehold', 'target');
    const next: PersonRow = { ...current, householdId: target.id, relationship, personNo: await nextPersonNo(target.id), updatedAt: now() };
    const entries = changeEntries(id, { household: source.number, relationship: current.relationship }, { household: target.number, relationship }, current.relationship === relationship ? ['household'] : ['household', 'relationship'], actor, why);
    await personsTable().put(next);
    await personChangesTable().bulkAdd(entries);
    await refreshHouseholder(source.id);
    await refreshHouseholder(target.id);
    await audit(actor, 'person.move', `person:${id}`, `${source.number}→${target.number}`);
    return next;
  });
}

const statusText = (s: PersonStatus) => [s.code, s.date, s.reason, s.reference, s.destination].filter((x) => x !== '').join(' ');

/** 迁出 / 注销 / back to 在册: the record stays, its status says why and when. */
export async function setPersonStatus(id: string, status: PersonStatus, actor: Actor): Promise<PersonRow> {
  const why = requireReason(status.reason);
  return writeTx(async () => {
    const current = await personsTable().get(id);
    if (!current) throw new RecordsRuleError('personNotFound');
    if (status.code === 'registered' && current.status.code !== 'registered') await assertIdNumberFree(current.idNumber, id);
    const next: PersonRow = { ...current, status: { ...status, reason: why }, updatedAt: now() };
    await personsTable().put(next);
    await personChangesTable().bulkAdd(changeEntries(id, { status: statusText(current.status) }, { status: statusText(next.status) }, ['status'], actor, why));
    await refreshHouseholder(current.householdId);
    await audit(actor, 'person.update', `person:${id}`, `status:${status.code}`);
    return next;
  });
}

/** Records that an officer looked at something protected (opening a record, revealing a masked number). */
export async function recordAccess(action: 'person.view' | 'person.reveal', personId: string, actor: Actor, detail = ''): Promise<void> {
  await guardedWrite(() => db().transaction('rw', AUDIT_TABLE, () => audit(actor, action, `person:${personId}`, detail)));
}
