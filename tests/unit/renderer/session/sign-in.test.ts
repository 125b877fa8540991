import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '@shared/audit/chain';
import { developmentStation } from '@shared/domain/dev-station';
import { officersTable } from '@renderer/platform/session/officers-table';
import { authenticate } from '@renderer/platform/session/sign-in';
import { useSessionStore } from '@renderer/platform/session/store';
import { addOfficer, auditEntries, freshState, PASSWORD } from './helpers';

beforeEach(freshState);
afterEach(freshState);

const station = developmentStation;

describe('sign-in', () => {
  it('signs in with the right password, clears failures and audits it', async () => {
    await addOfficer('100001', ['window'], { failedAttempts: 3 });
    const outcome = await authenticate(station, '100001', PASSWORD);
    expect(outcome.ok).toBe(true);
    const row = await officersTable().get('310000:100001');
    expect(row?.failedAttempts).toBe(0);
    expect(row?.lastSignInAt).not.toBeNull();
    const [entry] = await auditEntries();
    expect(entry).toMatchObject({ action: 'session.signIn', officer: '310000:100001', result: 'success', station: station.code });
  });

  it('refuses a wrong password or an unknown 警号 with the same answer, auditing each attempt', async () => {
    await addOfficer('100001', ['window']);
    expect(await authenticate(station, '100001', 'Wrong#2026')).toEqual({ ok: false, reason: 'invalid' });
    expect(await authenticate(station, '999999', PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
    const entries = await auditEntries();
    expect(entries.map((e) => [e.officer, e.result, e.detail])).toEqual([
      ['310000:100001', 'failure', 'badPassword 1'],
      ['310000:999999', 'failure', 'unknownOfficer'],
    ]);
  });

  it('locks the account after 5 failures: even the right password is refused until the lock runs out', async () => {
    await addOfficer('100001', ['window']);
    const t0 = new Date('2026-11-23T08:00:00Z');
    for (let i = 0; i < 4; i += 1) expect((await authenticate(station, '100001', 'Wrong#2026', 'session.signIn', t0)).ok).toBe(false);
    expect(await authenticate(station, '100001', 'Wrong#2026', 'session.signIn', t0)).toEqual({ ok: false, reason: 'locked', until: '2026-11-23T08:15:00.000Z' });
    const later = new Date('2026-11-23T08:10:00Z');
    expect(await authenticate(station, '100001', PASSWORD, 'session.signIn', later)).toMatchObject({ ok: false, reason: 'locked' });
    const afterLock = new Date('2026-11-23T08:16:00Z');
    expect((await authenticate(station, '100001', PASSWORD, 'session.signIn', afterLock)).ok).toBe(true);
    const entries = await auditEntries();
    expect(entries).toHaveLength(7);
    expect(entries[4]?.detail).toBe('badPassword 5; lockedOut until 2026-11-23T08:15:00.000Z');
    expect(entries[5]?.detail).toMatch(/^lockedOut/);
    expect(verifyChain(entries)).toBeNull();
  });

  it('refuses a disabled account, but only after the right password', async () => {
    await addOfficer('100001', ['window'], { disabled: true });
    expect(await authenticate(station, '100001', 'Wrong#2026')).toEqual({ ok: false, reason: 'invalid' });
    expect(await authenticate(station, '100001', PASSWORD)).toEqual({ ok: false, reason: 'disabled' });
  });
});

describe('session store', () => {
  it('signs in and out, auditing both, and refuses (and audits) actions outside the roles', async () => {
    await addOfficer('100001', ['window']);
    const session = useSessionStore();
    expect((await session.signIn('100001', PASSWORD)).ok).toBe(true);
    expect(session.officer?.ref.policeNumber).toBe('100001');
    await expect(session.assertCan('person.create', 'p1')).resolves.toBeTruthy();
    await expect(session.assertCan('migration.approve', 'm1')).rejects.toThrow('permission denied: migration.approve');
    await session.signOut();
    expect(session.officer).toBeNull();
    const entries = await auditEntries();
    expect(entries.map((e) => [e.action, e.result, e.object])).toEqual([
      ['session.signIn', 'success', '310000:100001'],
      ['migration.approve', 'denied', 'm1'],
      ['session.signOut', 'success', '310000:100001'],
    ]);
  });

  it('a locked screen allows nothing; unlocking needs the password, and a lockout at the lock screen signs out', async () => {
    await addOfficer('100001', ['window']);
    const session = useSessionStore();
    await session.signIn('100001', PASSWORD);
    await session.lock('idle');
    expect(session.locked).toBe(true);
    await expect(session.assertCan('person.create')).rejects.toThrow('permission denied');
    expect(await session.unlock('Wrong#2026')).toEqual({ ok: false, reason: 'invalid' });
    expect(session.locked).toBe(true);
    expect((await session.unlock(PASSWORD)).ok).toBe(true);
    expect(session.locked).toBe(false);

    await session.lock('manual');
    for (let i = 0; i < 5; i += 1) await session.unlock('Wrong#2026');
    expect(session.officer).toBeNull();
    const actions = (await auditEntries()).map((e) => e.action);
    expect(actions).toContain('session.lock');
    expect(actions.filter((a) => a === 'session.unlock')).toHaveLength(7);
    expect(actions.at(-1)).toBe('session.signOut');
  });

  it('changes the password: the current one must be right and the new one must meet the policy', async () => {
    await addOfficer('100001', ['window'], { mustChangePassword: true });
    const session = useSessionStore();
    await session.signIn('100001', PASSWORD);
    expect(session.mustChangePassword).toBe(true);
    expect(await session.changePassword('Wrong#2026', 'Another#2026')).toEqual({ ok: false, reason: 'wrongCurrent' });
    expect(await session.changePassword(PASSWORD, 'short')).toEqual({ ok: false, reason: 'policy', problems: ['tooShort', 'tooFewKinds'] });
    expect(await session.changePassword(PASSWORD, 'Another#2026')).toEqual({ ok: true });
    expect(session.mustChangePassword).toBe(false);
    await session.signOut();
    expect((await session.signIn('100001', PASSWORD)).ok).toBe(false);
    expect((await session.signIn('100001', 'Another#2026')).ok).toBe(true);
  });
});
