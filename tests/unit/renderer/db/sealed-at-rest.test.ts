import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StationIdentity } from '@shared/domain/station';
import { defaultChecklists } from '@shared/migration/categories';
import { defaultTimeLimits } from '@shared/migration/deadlines';
import type { Role } from '@shared/domain/officer';
import { checkCharacter } from '@shared/validation/citizen-id';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase, db, onDbProblem } from '@renderer/platform/db/connection';
import { writeMeta } from '@renderer/platform/db/meta';
import { DataKeyError, holdDataKey, releaseDataKey } from '@renderer/platform/db/data-key';
import { SEALED_TABLES } from '@renderer/platform/db/sealed-tables';
import { schemaVersions } from '@renderer/platform/db/schema';
import { SEALED_FIELD, clearFieldsOf } from '@renderer/platform/db/sealing';
import { dataKeyMeta, unlockDataKey, unlockDataKeyBeforeOpen, type SecretProtector } from '@renderer/platform/db/unlock';
import type { DbProblem } from '@renderer/platform/db/errors';
import { stationIdentityMeta } from '@renderer/platform/station/identity';
import { createFirstAdmin } from '@renderer/platform/session/first-run';
import { createHousehold, createPerson, issueCertificate, updatePerson } from '@renderer/features/records/commands';
import { householdsTable, personsTable } from '@renderer/features/records/tables';
import * as migration from '@renderer/features/migration/service';
import { casesTable, emptyDraftForm } from '@renderer/features/migration/tables';
import { saveHeader, saveInspection, saveVesselPart, startVessel, type PatrolActor } from '@renderer/features/patrol/commands';
import { inspectionsTable } from '@renderer/features/patrol/tables';
import { openBackup, restoreStation, sealBackup, snapshotStation } from '@renderer/features/provisioning/backup';
import { header, inspection, QINGPU } from '../../shared/patrol/fixtures';
import { vessel as vesselFixture } from '../../shared/patrol/vessel-fixtures';

/**
 * Personal data at rest (issue 14 item 5): after writes through the features' own commands, the raw IndexedDB
 * (read without the sealing middleware) holds no personal value in clear, except in the indexed fields that
 * docs/security.md lists; the backup holds opened rows and restores under another PC's data key.
 */

/** The clear fields of each sealed table, as docs/security.md lists them (§ Personal data at rest). */
const DOCUMENTED_CLEAR: Record<string, string[]> = {
  households: ['id', 'number', 'grams'],
  persons: ['id', 'householdId', 'idNumber', 'name', 'sortKey', 'py', 'terms'],
  personChanges: ['id', 'personId'],
  certificates: ['id', 'number', 'personId', 'issuedAt'],
  migrationCases: ['id', 'status', 'side', 'updatedAt'],
  migrationDrafts: ['id', 'updatedAt'],
  patrolLogs: ['id', 'date', 'ownerStation', 'operation'],
  patrolContingents: ['id', 'logId'],
  patrolEvents: ['id', 'logId', 'authorStation'],
  patrolInspections: ['id', 'logId', 'authorStation'],
  patrolConfirmations: ['id', 'logId'],
  patrolAmendments: ['id', 'logId'],
  patrolDrafts: ['key'],
  patrolParked: ['id', 'logId'],
  patrolVessels: ['id', 'logId', 'authorStation'],
  patrolVesselParts: ['id', 'logId', 'inspectionId', 'authorStation'],
  importJobs: ['id', 'sha256', 'status'],
  importRefused: ['id'],
  assistRequests: ['id', 'status', 'raisedAt'],
  attachmentFiles: ['id'],
  attachmentChunks: ['fileId', 'index'],
  attachmentFetches: ['id'],
  attachmentServed: ['id'],
  syncLog: ['authorStation', 'id', 'hlc', 'pairKeys'],
  syncPending: ['author', 'seq'],
  syncConflictsByAuthor: ['authorStation', 'eventId', 'status', 'at'],
  syncRefused: ['author', 'eventId', 'at'],
  syncQuarantine: ['id', 'receivedAt'],
  syncProbes: ['aggregateId', 'at'],
  officers: ['key', 'policeNumber'],
};

const station: StationIdentity = { code: '310116520000', name: '吕巷派出所', province: '310000', districtCode: '310116', districtName: '金山区', kind: 'development' };
const officerRef = { province: '310000' as const, policeNumber: '100001', name: '测试民警' };
const actor = { officer: officerRef, stationCode: station.code };
const ctx = (roles: Role[]) => ({ station, officer: { ref: officerRef, roles }, config: { limits: defaultTimeLimits, checklists: defaultChecklists } });

/** Values only a person's record, a case or a check holds: none may be in clear outside an index. */
const RESIDENT = { name: '汪雨天', idNumber: '11010519491231002X', workplace: '金泽镇人民政府某科室', former: '汪雨添' };
const ADDRESS = '上海市金山区吕巷镇干巷路二号';
const APPLICANT = { name: '欧阳娜娜', idNumber: `31011619800101001${checkCharacter('31011619800101001')}`, phone: '13912345678', address: '浙江省平湖市乍浦镇雅山路十一号' };

/** "OS protection" that differs per PC, as DPAPI does: a blob from one PC does not open on another. */
function fakeOs(pc: string): SecretProtector {
  return {
    protect: (plaintext) => Promise.resolve({ scheme: 'os-protected', protectedBase64: `${pc}:${Buffer.from(plaintext).toString('base64')}` }),
    unprotect: (stored) => {
      const [owner, secret] = stored.protectedBase64.split(':');
      return owner === pc ? Promise.resolve(new Uint8Array(Buffer.from(secret ?? '', 'base64'))) : Promise.reject(new Error('DPAPI: wrong machine'));
    },
  };
}

/** Every store's rows as IndexedDB holds them, read with the plain API (no Dexie, no middleware). */
async function rawStores(): Promise<Map<string, Record<string, unknown>[]>> {
  closeDatabase();
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DATABASE_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  const names = [...idb.objectStoreNames];
  const tx = idb.transaction(names, 'readonly');
  const stores = new Map<string, Record<string, unknown>[]>();
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const request = tx.objectStore(name).getAll();
          request.onsuccess = () => {
            stores.set(name, request.result as Record<string, unknown>[]);
            resolve();
          };
          request.onerror = () => reject(request.error ?? new Error('read failed'));
        }),
    ),
  );
  idb.close();
  return stores;
}

const text = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (ArrayBuffer.isView(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('latin1') : v)) ?? '';

/** Each personal value found in clear, as `store.field: value`, outside the fields documented as clear. */
function clearFindings(stores: Map<string, Record<string, unknown>[]>, values: string[]): string[] {
  const found: string[] = [];
  for (const [store, rows] of stores) {
    const allowed = new Set(DOCUMENTED_CLEAR[store] ?? []);
    for (const row of rows) {
      for (const [field, value] of Object.entries(row)) {
        if (allowed.has(field)) continue;
        const serialized = text(value);
        for (const v of values) if (serialized.includes(v)) found.push(`${store}.${field}: ${v}`);
      }
    }
  }
  return found;
}

const patrolActor: PatrolActor = { station: QINGPU, officer: '310000:123456', officerName: '王警官' };

async function writeEverything(): Promise<{ personId: string; caseId: string }> {
  await writeMeta(stationIdentityMeta, station);
  const h = await createHousehold({ number: '000777', kind: 'family', address: ADDRESS, divisionCode: '310116', issueDate: '2010-01-01' }, actor);
  const p = await createPerson(
    h.id,
    { name: RESIDENT.name, formerNames: RESIDENT.former, relationship: '02', sex: '2', ethnicity: '01', birthDate: '1949-12-31', idNumber: RESIDENT.idNumber, workplace: RESIDENT.workplace } as never,
    actor,
  );
  await updatePerson(p.id, { ...p, workplace: `${RESIDENT.workplace}二` } as never, '工作单位变动', actor);
  await issueCertificate(p.id, { matter: 'sameperson', statement: `曾用名${RESIDENT.former}与现用名${RESIDENT.name}系同一人。`, purpose: '办理房产', validDays: '30' } as never, { ...actor, stationName: station.name });

  const form = emptyDraftForm();
  form.applicant = { name: APPLICANT.name, formerName: '', sex: '2', ethnicity: '01', birthDate: '1980-01-01', idNumber: APPLICANT.idNumber };
  form.phone = APPLICANT.phone;
  form.currentAddress = APPLICANT.address;
  form.originCode = '330482520000';
  form.destination = { householdId: '', householdNo: '', address: ADDRESS, householderName: RESIDENT.name, sponsorName: RESIDENT.name, sponsorIdNumber: '', relationshipToHouseholder: '12' };
  form.documentsReceived = ['idCard', 'hukouBook', 'optInNotice', 'hostHukouBook', 'marriageCertificate'];
  form.noticeSigned = true;
  const draftId = await migration.saveDraft(null, form, 'x');
  await migration.saveDraft(null, form, 'x');
  const c = await migration.submitIntake(draftId, form, ctx(['window']), { code: '330482520000', name: '乍浦镇派出所', province: '330000', districtName: '平湖市' });

  const { revision: _r, updatedAt: _u, ...headerInput } = header();
  await saveHeader(patrolActor, headerInput);
  const { revision: _ir, updatedAt: _iu, ...record } = inspection();
  await saveInspection(patrolActor, record);
  const { revision: _vr, updatedAt: _vu, ...vesselInput } = VESSEL;
  const stopped = await startVessel(patrolActor, vesselInput);
  await saveVesselPart(patrolActor, { inspectionId: stopped.id, unitId: 'agency-maritime', logId: stopped.logId, authorOfficer: patrolActor.officer, removed: false, checks: ['certificates'], findings: VESSEL_FINDING, result: 'rectify', officerName: '赵海事', at: new Date().toISOString() });
  await createFirstAdmin(station, { policeNumber: '100009', name: '所管理员', password: 'Station#2026' });
  return { personId: p.id, caseId: c.id };
}

/** 一点四检: a vessel with a crew member checked, and an agency's finding. */
const VESSEL = vesselFixture({ persons: [{ name: '钱水生', idNumber: '11010519491231002X', result: 'clear', role: 'crew' }] });
const VESSEL_FINDING = '船员适任证书过期';

/** What a check records of the people inspected: the vehicle's plate (the fixture's), the vessel, its crew, findings. */
const inspectionValues = (): string[] => [inspection().plate, VESSEL.vesselName, VESSEL.vesselNumber, '钱水生', '11010519491231002X', VESSEL_FINDING, '赵海事'];

beforeEach(async () => {
  await holdDataKey(new Uint8Array(32).fill(7));
});
afterEach(async () => {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
  await holdDataKey(new Uint8Array(32).fill(7));
  onDbProblem(() => undefined);
});

describe('personal data sealed at rest', () => {
  it('keeps clear only the primary keys and indexed fields docs/security.md lists', async () => {
    await db().open();
    const clear = Object.fromEntries(SEALED_TABLES.map((name) => [name, [...clearFieldsOf(db().core.table(name).schema)].sort()]));
    expect(clear).toEqual(Object.fromEntries(Object.entries(DOCUMENTED_CLEAR).map(([name, fields]) => [name, [...fields].sort()])));
  });

  it('finds no personal value in the raw database outside the documented indexes', async () => {
    const { personId, caseId } = await writeEverything();
    // Through the app, everything reads back as written.
    expect(await personsTable().get(personId)).toMatchObject({ name: RESIDENT.name, workplace: `${RESIDENT.workplace}二`, formerNames: RESIDENT.former });
    expect((await casesTable().get(caseId))?.intake).toMatchObject({ phone: APPLICANT.phone, currentAddress: APPLICANT.address });
    expect(await inspectionsTable().count()).toBe(1);

    const stores = await rawStores();
    const personal = [RESIDENT.name, RESIDENT.idNumber, RESIDENT.workplace, RESIDENT.former, ADDRESS, ...Object.values(APPLICANT), ...inspectionValues()];
    expect(inspectionValues().length).toBeGreaterThan(0);
    expect(clearFindings(stores, personal)).toEqual([]);
    // The sealed tables do hold rows, each with its ciphertext; the index fields are there for search.
    const persons = stores.get('persons') ?? [];
    expect(persons).toHaveLength(1);
    expect(persons[0]?.[SEALED_FIELD]).toBeInstanceOf(Uint8Array);
    expect(persons[0]).toMatchObject({ name: RESIDENT.name, idNumber: RESIDENT.idNumber });
    expect(persons[0]).not.toHaveProperty('workplace');
    // The event log carries the same values in each event's payload; officers' rows their password hashes.
    expect(stores.get('officers')?.[0]).not.toHaveProperty('password');
    for (const name of ['households', 'personChanges', 'certificates', 'migrationCases', 'patrolLogs', 'patrolInspections', 'syncLog', 'officers']) {
      expect(stores.get(name)?.length, name).toBeGreaterThan(0);
      for (const row of stores.get(name) ?? []) expect(row[SEALED_FIELD], name).toBeInstanceOf(Uint8Array);
    }
  });

  it('refuses to read or write with no data key, or with another, with a typed error', async () => {
    const { personId } = await writeEverything();
    await holdDataKey(new Uint8Array(32).fill(9));
    await expect(personsTable().get(personId)).rejects.toMatchObject({ name: 'DataKeyError', code: 'mismatch' });
    await expect(householdsTable().toArray()).rejects.toBeInstanceOf(DataKeyError);
    await expect(inspectionsTable().filter(() => true).count()).rejects.toMatchObject({ code: 'mismatch' });
    releaseDataKey();
    await expect(personsTable().get(personId)).rejects.toMatchObject({ code: 'locked' });
    await expect(createHousehold({ number: '000778', kind: 'family', address: ADDRESS, divisionCode: '310116', issueDate: '2010-01-01' }, actor)).rejects.toMatchObject({
      code: 'locked',
    });
    expect(await householdsTable().count()).toBe(1);
  });
});

describe('the data key', () => {
  it('is created once, OS-protected, and opens the same rows at the next start-up', async () => {
    releaseDataKey();
    await unlockDataKey(db(), fakeOs('pc-a'));
    const stored = await db().table('meta').get(dataKeyMeta.name);
    expect(stored.value).toMatchObject({ scheme: 'os-protected', sealedAll: true });
    const { personId } = await writeEverything();
    closeDatabase();
    releaseDataKey();
    await unlockDataKey(db(), fakeOs('pc-a'));
    expect((await personsTable().get(personId))?.workplace).toBe(`${RESIDENT.workplace}二`);
    expect((await db().table('meta').get(dataKeyMeta.name)).value).toEqual(stored.value);
  });

  it('says 无法解锁 (dataKey) when the OS will not unprotect it, and reads nothing', async () => {
    releaseDataKey();
    await unlockDataKey(db(), fakeOs('pc-a'));
    const { personId } = await writeEverything();
    closeDatabase();
    releaseDataKey();
    const problems: DbProblem[] = [];
    onDbProblem((problem) => problems.push(problem));
    await expect(unlockDataKey(db(), fakeOs('pc-b'))).rejects.toMatchObject({ name: 'DataKeyError', code: 'unavailable' });
    expect(problems).toEqual(['dataKey']);
    await expect(personsTable().get(personId)).rejects.toMatchObject({ code: 'locked' });
  });

  it('seals rows written in clear before the database had a key', async () => {
    releaseDataKey();
    await db().open();
    closeDatabase();
    const plain = new Dexie(DATABASE_NAME);
    await plain.open();
    await plain.table('persons').put({ id: 'legacy', householdId: 'h0', name: RESIDENT.name, idNumber: RESIDENT.idNumber, sortKey: 'x', py: [], workplace: RESIDENT.workplace });
    plain.close();
    await unlockDataKey(db(), fakeOs('pc-a'));
    expect((await personsTable().get('legacy'))?.workplace).toBe(RESIDENT.workplace);
    const raw = (await rawStores()).get('persons') ?? [];
    expect(raw[0]).not.toHaveProperty('workplace');
    expect(raw[0]?.[SEALED_FIELD]).toBeInstanceOf(Uint8Array);
  });

  it('backs up opened rows that restore on a new PC under its own new data key', async () => {
    releaseDataKey();
    await unlockDataKey(db(), fakeOs('old-pc'));
    const { personId, caseId } = await writeEverything();
    const backup = await snapshotStation('310000:100001');
    const backedUp = backup.tables.find((t) => t.name === 'persons')?.rows[0];
    expect(backedUp).toMatchObject({ workplace: `${RESIDENT.workplace}二` });
    expect(backedUp).not.toHaveProperty(SEALED_FIELD);
    expect(backup.tables.find((t) => t.name === 'meta')?.rows.map((r) => (r as { key: string }).key)).not.toContain(dataKeyMeta.name);
    const file = await sealBackup(backup, '备份口令 passphrase', 1024);

    // The new PC: an empty database, its own data key.
    closeDatabase();
    await Dexie.delete(DATABASE_NAME);
    releaseDataKey();
    await unlockDataKey(db(), fakeOs('new-pc'));
    await restoreStation(await openBackup(file, '备份口令 passphrase'), { actor: '310000:100001', firstRun: true });
    expect((await personsTable().get(personId))?.workplace).toBe(`${RESIDENT.workplace}二`);
    expect((await casesTable().get(caseId))?.intake.phone).toBe(APPLICANT.phone);
    expect(clearFindings(await rawStores(), [RESIDENT.workplace, APPLICANT.phone, APPLICANT.address])).toEqual([]);
    // And the next start-up on the new PC opens them: its key survived the restore.
    releaseDataKey();
    await unlockDataKey(db(), fakeOs('new-pc'));
    expect((await personsTable().get(personId))?.formerNames).toBe(RESIDENT.former);
  });
});

describe('tables sealed since the first release with sealing', () => {
  it('seals the sync tables and officers left in clear by a database whose key predates them', async () => {
    releaseDataKey();
    await unlockDataKey(db(), fakeOs('pc-a'));
    // As the first release stored it: `sealedAll` with no list, its sync log and officers written in clear.
    const stored = (await db().table('meta').get(dataKeyMeta.name)).value as Record<string, unknown>;
    const { sealedTables: _swept, ...firstRelease } = stored;
    await db().table('meta').put({ key: dataKeyMeta.name, value: firstRelease });
    closeDatabase();
    const plain = new Dexie(DATABASE_NAME);
    await plain.open();
    await plain.table('syncLog').put({ authorStation: '330482520000', id: 'e1', hlc: '1', pairKeys: [], payload: { name: RESIDENT.name, address: ADDRESS } });
    await plain.table('officers').put({ key: '310000:100002', policeNumber: '100002', name: '李民警', password: { hash: 'x' } });
    plain.close();

    releaseDataKey();
    await unlockDataKey(db(), fakeOs('pc-a'));
    expect(await db().table('syncLog').get(['330482520000', 'e1'])).toMatchObject({ payload: { name: RESIDENT.name } });
    const raw = await rawStores();
    expect(clearFindings(raw, [RESIDENT.name, ADDRESS, '李民警'])).toEqual([]);
    expect((raw.get('meta') ?? []).find((row) => row.key === dataKeyMeta.name)?.value).toMatchObject({ sealedTables: SEALED_TABLES });
  });

  it('holds the stored key before the database opens, so the upgrade to the v2 event log seals what it moves', async () => {
    releaseDataKey();
    await unlockDataKey(db(), fakeOs('pc-a'));
    const stored = (await db().table('meta').get(dataKeyMeta.name)).value as Record<string, unknown>;
    closeDatabase();
    await Dexie.delete(DATABASE_NAME);
    // A version-8 database of the first release with sealing: a data key, protocol-1 events in `syncEvents`.
    const v8 = new Dexie(DATABASE_NAME);
    for (const step of schemaVersions.filter((v) => v.version <= 8)) v8.version(step.version).stores(step.stores);
    await v8.open();
    await v8.table('meta').put({ key: dataKeyMeta.name, value: { ...stored, sealedTables: undefined } });
    await v8.table('syncEvents').put({ id: 'e1', authorStation: '330482520000', seq: 1, payload: { name: RESIDENT.name } });
    v8.close();

    releaseDataKey();
    await unlockDataKeyBeforeOpen(DATABASE_NAME, fakeOs('pc-a'));
    await unlockDataKey(db(), fakeOs('pc-a'));
    expect(await db().table('syncLog').get(['330482520000', 'e1'])).toMatchObject({ payload: { name: RESIDENT.name }, legacy: 'delivered' });
    expect(clearFindings(await rawStores(), [RESIDENT.name])).toEqual([]);
    // A database that does not exist yet is not created by the peek.
    closeDatabase();
    await Dexie.delete(DATABASE_NAME);
    releaseDataKey();
    await unlockDataKeyBeforeOpen(DATABASE_NAME, fakeOs('pc-a'));
    expect(await Dexie.exists(DATABASE_NAME)).toBe(false);
  });
});
