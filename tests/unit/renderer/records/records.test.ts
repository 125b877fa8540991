import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { createPinia, setActivePinia } from 'pinia';
import { ZodError } from 'zod';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PersonInput } from '@shared/domain/resident/person';
import { checkCharacter } from '@shared/validation/citizen-id';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase, db } from '@renderer/platform/db/connection';
import { auditTable } from '@renderer/platform/audit/audit-log';
import { PermissionDeniedError, useSessionStore } from '@renderer/platform/session/store';
import { useRecordsStore } from '@renderer/features/records/store';
import { RecordsRuleError } from '@renderer/features/records/errors';
import { searchPersons } from '@renderer/features/records/search';
import { certificatesTable, householdsTable, personChangesTable, personsTable } from '@renderer/features/records/tables';
import * as service from '@renderer/features/records/service';
import { installDemoStation } from '@renderer/sync/demo';

const officer = { province: '310000' as const, policeNumber: '010203', name: '李警官' };
const idOf = (body: string) => body + checkCharacter(body);
const household = { number: '310999001', kind: 'family', address: '上海市青浦区金泽镇蒸淀村88号', divisionCode: '310118', issueDate: '2026-01-05' };
const person = (over: Partial<PersonInput> = {}): PersonInput => ({
  name: '汪雨天',
  relationship: '02',
  sex: '1',
  ethnicity: '01',
  birthDate: '1990-06-15',
  idNumber: idOf('31011819900615123'),
  workplace: '金泽镇人民政府',
  ...over,
});

beforeEach(() => {
  setActivePinia(createPinia());
  useSessionStore().setOfficer({ ref: officer, roles: ['window'] });
});

afterEach(async () => {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
});

describe('records store writes', () => {
  it('creates a household and its householder, auditing both', async () => {
    const records = useRecordsStore();
    const h = await records.createHousehold(household);
    const p = await records.createPerson(h.id, person());
    expect(p).toMatchObject({ personNo: 1, registeredBy: officer, status: { code: 'registered' }, py: ['wangyutian', 'wyt'] });
    expect((await householdsTable().get(h.id))?.householderId).toBe(p.id);
    const actions = (await auditTable().toArray()).map((a) => `${a.action}:${a.result}`);
    expect(actions).toEqual(['household.create:success', 'person.create:success']);
  });

  it('saves nothing when the ID number is wrong, or already registered, or the household number is taken', async () => {
    const records = useRecordsStore();
    const h = await records.createHousehold(household);
    const bad = person({ idNumber: '310118199006151230' });
    await expect(records.createPerson(h.id, bad)).rejects.toBeInstanceOf(ZodError);
    expect(await personsTable().count()).toBe(0);
    await records.createPerson(h.id, person());
    await expect(records.createPerson(h.id, person({ name: '王五' }))).rejects.toMatchObject({ key: 'idNumberTaken', field: 'idNumber' });
    await expect(records.createHousehold(household)).rejects.toBeInstanceOf(RecordsRuleError);
    expect(await personsTable().count()).toBe(1);
    expect(await householdsTable().count()).toBe(1);
  });

  it('refuses, audits and saves nothing when the officer lacks the permission', async () => {
    useSessionStore().setOfficer({ ref: officer, roles: ['patrolLead'] });
    await expect(useRecordsStore().createHousehold(household)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await householdsTable().count()).toBe(0);
    const denied = await auditTable().toArray();
    expect(denied.map((a) => `${a.action}:${a.result}`)).toEqual(['household.create:denied']);
  });

  it('logs every changed field with old value, new value, officer and reason', async () => {
    const records = useRecordsStore();
    const h = await records.createHousehold(household);
    const p = await records.createPerson(h.id, person());
    await expect(records.updatePerson(p.id, person({ workplace: '青浦区人民医院' }), '')).rejects.toMatchObject({ key: 'reasonRequired' });
    const entries = await records.updatePerson(p.id, person({ workplace: '青浦区人民医院', height: '172' }), '工作单位变动');
    expect(entries.map((e) => [e.field, e.oldValue, e.newValue, e.reason, e.officer.policeNumber])).toEqual([
      ['height', '', '172', '工作单位变动', '010203'],
      ['workplace', '金泽镇人民政府', '青浦区人民医院', '工作单位变动', '010203'],
    ]);
    expect(await personChangesTable().where('personId').equals(p.id).count()).toBe(2);
    expect((await personsTable().get(p.id))?.height).toBe(172);
    expect(await records.updatePerson(p.id, person({ workplace: '青浦区人民医院', height: 172 }), '')).toEqual([]);
  });

  it('moves a person between households and changes status without deleting the record', async () => {
    const records = useRecordsStore();
    const a = await records.createHousehold(household);
    const b = await records.createHousehold({ ...household, number: '310999002', address: '上海市青浦区金泽镇西岑村1号' });
    const p = await records.createPerson(a.id, person());
    await records.movePerson(p.id, b.id, '11', '投靠配偶');
    expect(await personsTable().get(p.id)).toMatchObject({ householdId: b.id, relationship: '11', personNo: 1 });
    expect((await householdsTable().get(a.id))?.householderId).toBeNull();
    await records.setStatus(p.id, { code: 'cancelled', date: '2026-11-01', reason: '死亡', reference: '死亡医学证明 A123', destination: '' });
    expect((await personsTable().get(p.id))?.status).toMatchObject({ code: 'cancelled', reason: '死亡' });
    const log = await personChangesTable().where('personId').equals(p.id).toArray();
    expect(log.map((e) => e.field).sort()).toEqual(['household', 'relationship', 'status']);
    expect(await personsTable().count()).toBe(1);
  });

  it('numbers certificates per station and year and records each issuance', async () => {
    const records = useRecordsStore();
    const h = await records.createHousehold(household);
    const p = await records.createPerson(h.id, person({ formerNames: '汪雨添' }));
    const input = { matter: 'sameperson' as const, statement: '曾用名汪雨添与现用名汪雨天系同一人。', purpose: '办理房产', validDays: '30' };
    const first = await records.issueCertificate(p.id, input);
    const second = await records.issueCertificate(p.id, input);
    const year = new Date().getFullYear();
    expect(first.number).toBe(`310118520000-${year}-00001`);
    expect(second.number).toBe(`310118520000-${year}-00002`);
    expect(first.person).toMatchObject({ name: '汪雨天', formerNames: '汪雨添' });
    expect(await certificatesTable().count()).toBe(2);
    const audit = await auditTable().where('action').equals('certificate.issue').toArray();
    expect(audit.map((a) => a.object)).toEqual([`certificate:${first.number}`, `certificate:${second.number}`]);
  });

  it('dates a certificate and a registration on the Beijing calendar, whatever the PC zone (17:30 UTC is the next day there)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-31T17:30:00.000Z'));
    try {
      const records = useRecordsStore();
      const h = await records.createHousehold(household);
      const p = await records.createPerson(h.id, person());
      expect(p.status.date).toBe('2027-01-01');
      const cert = await records.issueCertificate(p.id, { matter: 'kinship', statement: '汪雨天与汪晓月系父女关系。', purpose: '入学', validDays: '30' });
      expect(cert).toMatchObject({ issueDate: '2027-01-01', validUntil: '2027-01-31' });
      expect(cert.number).toBe('310118520000-2027-00001');
    } finally {
      vi.useRealTimers();
    }
  });

  it('reveals a masked number only with a reason, and records who and why', async () => {
    const records = useRecordsStore();
    const h = await records.createHousehold(household);
    const p = await records.createPerson(h.id, person());
    await expect(records.reveal(p, 'idNumber', ' ')).rejects.toThrow();
    expect(await records.reveal(p, 'idNumber', '核对身份')).toBe(p.idNumber);
    const entry = await auditTable().where('action').equals('person.reveal').first();
    expect(entry).toMatchObject({ officer: '310000:010203', object: `person:${p.id}`, detail: 'idNumber: 核对身份' });
  });
});

describe('search', () => {
  beforeEach(async () => {
    await installDemoStation();
    await service.seedDemoResidents({ households: 300, seed: 3 });
  });

  it('finds by pinyin initials and full pinyin, each person once, page by page', async () => {
    const sample = (await personsTable().toArray())[17];
    if (!sample) throw new Error('no demo data');
    const initials = sample.py.at(-1) ?? '';
    const hits = await searchPersons({ text: initials.toUpperCase(), mode: 'auto', page: 0, pageSize: 200 });
    expect(hits.mode).toBe('pinyin');
    expect(hits.items.map((i) => i.person.id)).toContain(sample.id);
    const broad = await searchPersons({ text: 'w', mode: 'pinyin', page: 0, pageSize: 10 });
    expect(broad.hasMore).toBe(true);
    const next = await searchPersons({ text: 'w', mode: 'pinyin', page: 1, pageSize: 10 });
    const ids = [...broad.items, ...next.items].map((i) => i.person.id);
    expect(new Set(ids).size).toBe(20);
    expect([...broad.items, ...next.items].every((i) => i.person.py.some((k) => k.startsWith('w')))).toBe(true);
  });

  it('finds by ID prefix, name prefix, household number and address fragment', async () => {
    const sample = (await personsTable().toArray())[42];
    if (!sample) throw new Error('no demo data');
    const home = await householdsTable().get(sample.householdId);
    if (!home) throw new Error('no household');
    const byId = await searchPersons({ text: sample.idNumber.slice(0, 14), mode: 'auto', page: 0, pageSize: 50 });
    expect(byId.mode).toBe('idNumber');
    expect(byId.items.map((i) => i.person.id)).toContain(sample.id);
    const byName = await searchPersons({ text: sample.name, mode: 'auto', page: 0, pageSize: 50 });
    expect(byName.items.every((i) => i.person.name.startsWith(sample.name))).toBe(true);
    expect(byName.items.map((i) => i.person.id)).toContain(sample.id);
    const byNumber = await searchPersons({ text: home.number, mode: 'household', page: 0, pageSize: 50 });
    expect(byNumber.items.map((i) => i.person.id)).toContain(sample.id);
    const fragment = home.address.slice(-9);
    const byAddress = await searchPersons({ text: fragment, mode: 'address', page: 0, pageSize: 50 });
    expect(byAddress.items.every((i) => i.household?.address.includes(fragment))).toBe(true);
    expect(byAddress.items.map((i) => i.person.id)).toContain(sample.id);
  });
});

describe('service API for other features', () => {
  it('finds by ID number (lowercase x too), marks moved out inside a caller transaction, settles a person', async () => {
    const records = useRecordsStore();
    const h = await records.createHousehold(household);
    const other = await records.createHousehold({ ...household, number: '310999003' });
    const xId = idOf('11010519491231002');
    const p = await records.createPerson(h.id, person({ idNumber: xId, sex: '2', birthDate: '1949-12-31' }));
    expect((await service.findPersonByIdNumber(xId.toLowerCase()))?.id).toBe(p.id);

    await db().transaction('rw', service.RECORDS_WRITE_TABLES, async () => {
      await service.markPersonMovedOut(p.id, { date: '2026-11-20', destination: '浙江省嘉兴市嘉善县', certificateNumber: 'QY2026-001', reason: '跨省迁出' }, officer);
    });
    expect((await personsTable().get(p.id))?.status).toMatchObject({ code: 'movedOut', reference: 'QY2026-001', destination: '浙江省嘉兴市嘉善县' });

    const settled = await service.settlePerson(other.id, person({ idNumber: xId, sex: '2', birthDate: '1949-12-31', relationship: '52' }), officer);
    expect(settled.id).not.toBe(p.id);
    expect(settled.householdId).toBe(other.id);
    expect((await service.findPersonByIdNumber(xId))?.id).toBe(settled.id);
    expect((await service.listHouseholds('310999')).map((x) => x.number)).toEqual(['310999001', '310999003']);
  });
});
