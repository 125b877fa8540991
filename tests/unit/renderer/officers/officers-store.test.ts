import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '@shared/audit/chain';
import { officersTable } from '@renderer/platform/session/officers-table';
import { DuplicateOfficerError, LastAdminError, PasswordPolicyError, useOfficersStore } from '@renderer/features/officers/store';
import { PermissionDeniedError, useSessionStore } from '@renderer/platform/session/store';
import { addOfficer, auditEntries, freshState, PASSWORD } from '../session/helpers';

beforeEach(freshState);
afterEach(freshState);

async function signInAs(policeNumber: string): Promise<void> {
  expect((await useSessionStore().signIn(policeNumber, PASSWORD)).ok).toBe(true);
}

describe('officer accounts', () => {
  it('the admin creates an account that must change its password at first sign-in', async () => {
    await addOfficer('100004', ['stationAdmin']);
    await signInAs('100004');
    const officers = useOfficersStore();
    await officers.create({ policeNumber: '200001', name: '赵敏', roles: ['window', 'approver'], password: 'Temp#2026x' });
    await expect(officers.create({ policeNumber: '200001', name: '重复', roles: ['window'], password: 'Temp#2026x' })).rejects.toBeInstanceOf(DuplicateOfficerError);
    await expect(officers.create({ policeNumber: '200002', name: '弱密码', roles: ['window'], password: 'weak' })).rejects.toBeInstanceOf(PasswordPolicyError);
    const session = useSessionStore();
    await session.signOut();
    expect((await session.signIn('200001', 'Temp#2026x')).ok).toBe(true);
    expect(session.mustChangePassword).toBe(true);
    expect(session.officer?.roles).toEqual(['window', 'approver']);
  });

  it('resets a password and unlocks a locked-out officer', async () => {
    await addOfficer('100004', ['stationAdmin']);
    await addOfficer('100001', ['window'], { failedAttempts: 5, lockedUntil: '2999-01-01T00:00:00.000Z' });
    await signInAs('100004');
    const officers = useOfficersStore();
    await officers.unlock('310000:100001');
    expect(await officersTable().get('310000:100001')).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    await officers.resetPassword('310000:100001', 'Reset#2026y');
    expect((await officersTable().get('310000:100001'))?.mustChangePassword).toBe(true);
    await useSessionStore().signOut();
    expect((await useSessionStore().signIn('100001', 'Reset#2026y')).ok).toBe(true);
  });

  it('never leaves the station without an active admin', async () => {
    await addOfficer('100004', ['stationAdmin']);
    await signInAs('100004');
    const officers = useOfficersStore();
    await expect(officers.setDisabled('310000:100004', true)).rejects.toBeInstanceOf(LastAdminError);
    await expect(officers.update('310000:100004', '管理员', ['window'])).rejects.toBeInstanceOf(LastAdminError);
    await officers.create({ policeNumber: '200004', name: '副管理员', roles: ['stationAdmin'], password: 'Temp#2026x' });
    await officers.update('310000:100004', '管理员', ['window']);
    expect((await officersTable().get('310000:100004'))?.roles).toEqual(['window']);
  });

  it('refuses (and audits) account changes by anyone but the admin', async () => {
    await addOfficer('100005', ['auditor']);
    await addOfficer('100001', ['window']);
    await signInAs('100005');
    const officers = useOfficersStore();
    await expect(officers.setDisabled('310000:100001', true)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(officers.create({ policeNumber: '200001', name: '赵敏', roles: ['auditor'], password: 'Temp#2026x' })).rejects.toBeInstanceOf(PermissionDeniedError);
    expect((await officersTable().get('310000:100001'))?.disabled).toBe(false);
    const denied = (await auditEntries()).filter((e) => e.result === 'denied');
    expect(denied.map((e) => [e.action, e.object, e.officer])).toEqual([
      ['officer.manage', '310000:100001', '310000:100005'],
      ['officer.manage', '310000:200001', '310000:100005'],
    ]);
  });

  it('audits each change in the chain, and a disabled officer cannot sign in', async () => {
    await addOfficer('100004', ['stationAdmin']);
    await addOfficer('100001', ['window']);
    await signInAs('100004');
    await useOfficersStore().setDisabled('310000:100001', true);
    await useSessionStore().signOut();
    expect(await useSessionStore().signIn('100001', PASSWORD)).toEqual({ ok: false, reason: 'disabled' });
    const entries = await auditEntries();
    expect(entries.map((e) => e.action)).toEqual(['session.signIn', 'officer.disable', 'session.signOut', 'session.signIn']);
    expect(verifyChain(entries)).toBeNull();
  });
});
