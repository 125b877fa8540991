import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@shared/domain/officer';
import type { StationIdentity } from '@shared/domain/station';
import { defaultChecklists } from '@shared/migration/categories';
import { defaultTimeLimits } from '@shared/migration/deadlines';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase, db } from '@renderer/platform/db/connection';
import { auditTable } from '@renderer/platform/audit/audit-log';
import { writeMeta } from '@renderer/platform/db/meta';
import { stationIdentityMeta } from '@renderer/platform/station/identity';
import { useStationStore } from '@renderer/platform/station/store';
import { createHousehold, createPerson } from '@renderer/features/records/commands';
import { personsTable } from '@renderer/features/records/tables';
import { eventsTable } from '@renderer/sync/tables';
import { EventConflictError, EventNotAuthorizedError, type IncomingEvent } from '@renderer/sync/contract';
import { MigrationRuleError } from '@renderer/features/migration/case-ops';
import { appliers } from '@renderer/features/migration/sync-appliers';
import * as service from '@renderer/features/migration/service';
import { casesTable, draftsTable, emptyDraftForm, type DraftForm } from '@renderer/features/migration/tables';

const lvxiang: StationIdentity = { code: '310116520000', name: '吕巷派出所', province: '310000', districtCode: '310116', districtName: '金山区', kind: 'development' };
const zhapu: StationIdentity = { code: '330482520000', name: '乍浦镇派出所', province: '330000', districtCode: '330482', districtName: '平湖市', kind: 'development' };
const zhapuRef = { code: zhapu.code, name: zhapu.name, province: zhapu.province, districtName: zhapu.districtName };
const config = { limits: defaultTimeLimits, checklists: defaultChecklists };
const officer = (province: '310000' | '330000', policeNumber: string, roles: Role[]) => ({ ref: { province, policeNumber, name: '测试民警' }, roles });
const windowLx = { station: lvxiang, officer: officer('310000', '100001', ['window']), config };
const approverLx = { station: lvxiang, officer: officer('310000', '100002', ['approver']), config };
const windowZp = { station: zhapu, officer: officer('330000', '200001', ['window']), config };

const APPLICANT_ID = '11010519491231002X';
const OPINION = '材料齐全，符合夫妻投靠条件，同意迁入';

async function asStation(identity: StationIdentity): Promise<void> {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
  await writeMeta(stationIdentityMeta, identity);
  setActivePinia(createPinia());
  await useStationStore().load();
}

afterEach(async () => {
  vi.useRealTimers();
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
});

/** Moves only `Date` (not timers: fake-indexeddb schedules with them) past the permit's validity. */
function laterBy41Days(): void {
  const later = Date.now() + 41 * 24 * 3600 * 1000;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(later);
}

function form(): DraftForm {
  const f = emptyDraftForm();
  f.applicant = { name: '李娜', formerName: '', sex: '2', ethnicity: '01', birthDate: '1949-12-31', idNumber: APPLICANT_ID.toLowerCase() };
  f.phone = '13800138000';
  f.currentAddress = '浙江省平湖市乍浦镇雅山路1号';
  f.originCode = zhapu.code;
  f.destination = { householdId: '', householdNo: '', address: '上海市金山区吕巷镇干巷路2号', householderName: '张伟', sponsorName: '张伟', sponsorIdNumber: '', relationshipToHouseholder: '12' };
  f.documentsReceived = ['idCard', 'hukouBook', 'optInNotice', 'hostHukouBook', 'marriageCertificate'];
  f.noticeSigned = true;
  return f;
}

/** The station's outgoing events of a type, as the other station's inbox would receive them. */
async function outgoing(type: string): Promise<IncomingEvent[]> {
  const rows = await eventsTable().filter((e) => e.type === type).toArray();
  return rows.map((r) => ({ id: r.id, type: r.type as IncomingEvent['type'], aggregateId: r.aggregateId, authorStation: r.authorStation, authorOfficer: r.event.authorOfficer, hlc: r.hlc, payload: r.event.payload }));
}

async function apply(event: IncomingEvent): Promise<void> {
  const fn = appliers.appliers[event.type];
  if (!fn) throw new Error(`no applier for ${event.type}`);
  await db().transaction('rw', appliers.tables, (tx) => fn(event, tx));
}

async function destinationApproves(): Promise<{ caseId: string; permit: IncomingEvent }> {
  await asStation(lvxiang);
  const draftId = await service.saveDraft(null, form(), 'x');
  const c = await service.submitIntake(draftId, form(), windowLx, zhapuRef);
  expect(await draftsTable().count()).toBe(0);
  await service.approve(c.id, OPINION, approverLx);
  const [permit] = await outgoing('migration.permitIssued');
  if (!permit) throw new Error('no permit event');
  return { caseId: c.id, permit };
}

async function originWithResident(): Promise<string> {
  await asStation(zhapu);
  const actor = { officer: windowZp.officer.ref, stationCode: zhapu.code };
  const h = await createHousehold({ number: '000123', kind: 'family', address: '平湖市乍浦镇雅山路1号', divisionCode: '330482', issueDate: '2000-01-01' }, actor);
  const p = await createPerson(h.id, { name: '李娜', relationship: '02', sex: '2', ethnicity: '01', birthDate: '1949-12-31', idNumber: APPLICANT_ID } as never, actor);
  return p.id;
}

describe('migration across two stations (one database each, events carried between them)', () => {
  it('intake → approve → permit at origin → certificate with 迁出 → settlement creates the record', async () => {
    const { caseId, permit } = await destinationApproves();
    const dest = await casesTable().get(caseId);
    expect(dest?.status).toBe('permitIssued');
    expect(dest?.permit?.number).toMatch(/^ZQ310116520000\d{9}$/);
    expect(permit.aggregateId).toBe(caseId);

    const personId = await originWithResident();
    await apply(permit);
    const atOrigin = await casesTable().get(caseId);
    expect(atOrigin).toMatchObject({ side: 'origin', status: 'permitIssued', intake: { phone: '13800138000' } });
    await expect(service.issueCertificate(caseId, windowZp)).rejects.toMatchObject({ code: 'contactMissing' });
    await service.recordContact(caseId, { method: 'phone', confirmed: true, note: '本人确认' }, windowZp);
    const issued = await service.issueCertificate(caseId, windowZp);
    expect(issued.status).toBe('certificateIssued');
    const person = await personsTable().get(personId);
    expect(person?.status).toMatchObject({ code: 'movedOut', reference: issued.certificate?.number, destination: '上海市金山区吕巷镇干巷路2号' });
    const [certificate] = await outgoing('migration.certificateIssued');
    if (!certificate) throw new Error('no certificate event');

    // Back at the destination: its database still holds the case (fresh here, so replay the permit approval).
    const again = await destinationApproves();
    const relabelled = { ...certificate, aggregateId: again.caseId, payload: { ...(certificate.payload as object), caseId: again.caseId } };
    const ownPermit = (await casesTable().get(again.caseId))?.permit?.number;
    (relabelled.payload as unknown as { certificate: { permitNumber: string } }).certificate.permitNumber = ownPermit ?? '';
    await apply(relabelled);
    expect((await casesTable().get(again.caseId))?.status).toBe('certificateIssued');

    const h = await createHousehold({ number: '000777', kind: 'family', address: '上海市金山区吕巷镇干巷路2号', divisionCode: '310116', issueDate: '2010-01-01' }, { officer: windowLx.officer.ref, stationCode: lvxiang.code });
    const settled = await service.settle(again.caseId, h.id, windowLx);
    expect(settled.status).toBe('settled');
    const created = await personsTable().where('idNumber').equals(APPLICANT_ID).toArray();
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ householdId: h.id, relationship: '12', status: { code: 'registered' }, movedToCityFrom: '平湖市乍浦镇雅山路1号' });
    // The phone taken at intake reaches the new resident record (it was blank before).
    expect(created[0]?.phone).toBe('13800138000');
    const actions = (await auditTable().toArray()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['migration.intake', 'migration.approve', 'migration.received.migration.certificateIssued', 'migration.settle', 'person.create']));
  });

  it('the origin returns with a reason; the destination sees it; the person stays registered', async () => {
    const { caseId, permit } = await destinationApproves();
    const personId = await originWithResident();
    await apply(permit);
    await expect(service.returnCase(caseId, { reason: 'other', text: '' }, windowZp)).rejects.toThrow();
    await service.returnCase(caseId, { reason: 'applicantUnreachable', text: '三次电话未接通' }, windowZp);
    expect((await personsTable().get(personId))?.status.code).toBe('registered');
    const [ret] = await outgoing('migration.returned');
    expect(ret?.payload).toMatchObject({ return: { reason: 'applicantUnreachable', text: '三次电话未接通' } });
  });

  it('a certificate that cannot be issued leaves nothing behind (one transaction)', async () => {
    const { caseId, permit } = await destinationApproves();
    await asStation(zhapu); // no resident record here
    await apply(permit);
    await service.recordContact(caseId, { method: 'phone', confirmed: true, note: '' }, windowZp);
    await expect(service.issueCertificate(caseId, windowZp)).rejects.toMatchObject({ code: 'personNotRegistered' });
    expect((await casesTable().get(caseId))?.status).toBe('permitIssued');
    expect(await outgoing('migration.certificateIssued')).toHaveLength(0);
  });

  it('an expired permit cannot be acted on; the destination declares it and the origin closes the case', async () => {
    const { caseId, permit } = await destinationApproves();
    laterBy41Days();
    await service.expire(caseId, 'permit', windowLx);
    const [notice] = await outgoing('migration.permitExpired');
    if (!notice) throw new Error('no expiry notice');
    vi.useRealTimers();

    await originWithResident();
    await apply(permit);
    await service.recordContact(caseId, { method: 'phone', confirmed: true, note: '' }, windowZp);
    laterBy41Days();
    await expect(service.issueCertificate(caseId, windowZp)).rejects.toMatchObject({ code: 'permitExpired' });
    await apply(notice);
    expect((await casesTable().get(caseId))?.status).toBe('permitExpired');
  });

  it('refuses events from a station with no right to them, and flags transitions that do not fit as conflicts', async () => {
    const { caseId, permit } = await destinationApproves();
    await originWithResident();
    await expect(apply({ ...permit, authorStation: '310117520000' })).rejects.toBeInstanceOf(EventNotAuthorizedError);
    await apply(permit);
    // The origin itself cannot send a withdrawal (only the destination can).
    const fakeWithdraw = { ...permit, type: 'migration.withdrawn' as const, authorStation: zhapu.code, payload: { caseId, at: new Date().toISOString(), officerName: 'x', note: '' } };
    await expect(apply(fakeWithdraw)).rejects.toBeInstanceOf(EventNotAuthorizedError);
    const withdraw = { ...fakeWithdraw, authorStation: lvxiang.code };
    await apply(withdraw);
    expect((await casesTable().get(caseId))?.status).toBe('withdrawn');
    await expect(apply(withdraw)).rejects.toBeInstanceOf(EventConflictError);
  });

  it('the wrong role or side is refused by the service with a code naming who may act', async () => {
    await asStation(lvxiang);
    const draftId = await service.saveDraft(null, form(), 'x');
    const c = await service.submitIntake(draftId, form(), windowLx, zhapuRef);
    const err = await service.approve(c.id, OPINION, windowLx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationRuleError);
    expect((err as MigrationRuleError).refusal).toMatchObject({ code: 'wrongRole', params: { transition: 'approve', roles: ['approver'] } });
    expect((await casesTable().get(c.id))?.status).toBe('submitted');
  });

  it('keeps an invalid draft as typed and refuses to submit it', async () => {
    await asStation(lvxiang);
    const f = { ...form(), phone: '12', noticeSigned: false };
    const id = await service.saveDraft(null, f, 'x');
    expect((await draftsTable().get(id))?.form.phone).toBe('12');
    await expect(service.submitIntake(id, f, windowLx, zhapuRef)).rejects.toThrow();
    expect(await draftsTable().count()).toBe(1);
    expect(await casesTable().count()).toBe(0);
  });
});

describe('issue 16: the approval opinion and the applicant’s confirmation', () => {
  it('approval needs an opinion; it is kept in the decision, carried by the permit to the origin and printed there', async () => {
    await asStation(lvxiang);
    const draftId = await service.saveDraft(null, form(), 'x');
    const c = await service.submitIntake(draftId, form(), windowLx, zhapuRef);
    await expect(service.approve(c.id, ' ', approverLx)).rejects.toMatchObject({ code: 'opinionRequired' });
    expect((await casesTable().get(c.id))?.status).toBe('submitted');
    expect(await outgoing('migration.permitIssued')).toHaveLength(0);

    const approved = await service.approve(c.id, `  ${OPINION} `, approverLx);
    expect(approved.decision).toMatchObject({ approved: true, reason: OPINION });
    expect(approved.permit?.approvalOpinion).toBe(OPINION);
    const [permit] = await outgoing('migration.permitIssued');
    if (!permit) throw new Error('no permit event');
    expect(permit.payload).toMatchObject({ permit: { approvalOpinion: OPINION } });

    await originWithResident();
    await apply(permit);
    expect((await casesTable().get(c.id))?.permit?.approvalOpinion).toBe(OPINION);
  });

  it('a permit from a station that does not send the opinion yet still applies (no opinion printed)', async () => {
    const { caseId, permit } = await destinationApproves();
    const payload = permit.payload as { permit: Record<string, unknown> };
    const { approvalOpinion: _dropped, ...olderPermit } = payload.permit;
    await originWithResident();
    await apply({ ...permit, payload: { ...payload, permit: olderPermit } });
    expect((await casesTable().get(caseId))?.permit?.approvalOpinion).toBe('');
  });

  it('a contact saved without the applicant’s confirmation refuses the certificate saying so', async () => {
    const { caseId, permit } = await destinationApproves();
    await originWithResident();
    await apply(permit);
    await service.recordContact(caseId, { method: 'phone', confirmed: false, note: '电话未接通' }, windowZp);
    await expect(service.issueCertificate(caseId, windowZp)).rejects.toMatchObject({ code: 'intentUnconfirmed' });
  });

  it('rejection keeps the opinion as the decision', async () => {
    await asStation(lvxiang);
    const draftId = await service.saveDraft(null, form(), 'x');
    const c = await service.submitIntake(draftId, form(), windowLx, zhapuRef);
    const rejected = await service.reject(c.id, '结婚证与户口簿信息不一致', approverLx);
    expect(rejected.decision).toMatchObject({ approved: false, reason: '结婚证与户口簿信息不一致' });
  });
});
