import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { developmentStation } from '@shared/domain/dev-station';
import { PBKDF2_MIN_ITERATIONS } from '@shared/domain/officer-account';
import { PASSWORD_HISTORY, PASSWORD_MAX_AGE_DAYS } from '@shared/domain/password-policy';
import { useOfficersStore } from '@renderer/features/officers/store';
import { changePassword } from '@renderer/platform/session/change-password';
import { officersTable } from '@renderer/platform/session/officers-table';
import { accountPasswordExpired, readPasswordMaxAgeDays, savePasswordMaxAgeDays } from '@renderer/platform/session/password-expiry';
import { useSessionStore } from '@renderer/platform/session/store';
import { addOfficer, auditEntries, freshState, PASSWORD } from './helpers';

beforeEach(freshState);
afterEach(freshState);

const station = developmentStation;
const key = '310000:100001';
const day = 86_400_000;
/** The smallest allowed PBKDF2 cost keeps six changes quick; the rule is the same at any cost. */
const change = (current: string, next: string, now = new Date()) => changePassword(station, key, current, next, now, PBKDF2_MIN_ITERATIONS);

describe('password history (不得重复使用最近5次密码)', () => {
  it('refuses any of the last 5 passwords, the current one included, and accepts the 6th back', async () => {
    await addOfficer('100001', ['window']);
    const passwords = [PASSWORD, 'Second#2026', 'Third#2026', 'Fourth#2026', 'Fifth#2026'];
    for (let i = 1; i < passwords.length; i += 1) {
      expect(await change(passwords[i - 1] ?? '', passwords[i] ?? '')).toEqual({ ok: true });
    }
    const row = await officersTable().get(key);
    expect(row?.passwordHistory).toHaveLength(PASSWORD_HISTORY - 1);
    // Each of the last 5 (the first one, four changes ago, too) is refused as the next password.
    for (const old of passwords.slice(0, -1)) {
      expect(await change('Fifth#2026', old)).toEqual({ ok: false, reason: 'policy', problems: ['recentlyUsed'] });
    }
    expect(await change('Fifth#2026', 'Sixth#2026')).toEqual({ ok: true });
    // Now the first password is six back: it may be chosen again.
    expect(await change('Sixth#2026', PASSWORD)).toEqual({ ok: true });
  });

  it("an admin's reset keeps the replaced password in the history: the officer cannot go back to it", async () => {
    await addOfficer('100004', ['stationAdmin']);
    await addOfficer('100001', ['window']);
    const session = useSessionStore();
    await session.signIn('100004', PASSWORD);
    await useOfficersStore().resetPassword(key, 'Reset#2026y');
    await session.signOut();
    expect(await change('Reset#2026y', PASSWORD)).toEqual({ ok: false, reason: 'policy', problems: ['recentlyUsed'] });
    expect(await change('Reset#2026y', 'Another#2026')).toEqual({ ok: true });
  });

  it('records when the password was set', async () => {
    await addOfficer('100001', ['window'], { passwordChangedAt: '2026-01-01T00:00:00.000Z' });
    const now = new Date('2026-12-01T08:00:00Z');
    await change(PASSWORD, 'Another#2026', now);
    expect((await officersTable().get(key))?.passwordChangedAt).toBe(now.toISOString());
  });
});

describe('password lifetime (定期更换)', () => {
  it('expires after the station period (90 days unless the admin set another), counting from creation for older rows', () => {
    const set = '2026-09-01T00:00:00.000Z';
    const at = (days: number) => new Date(Date.parse(set) + days * day);
    expect(accountPasswordExpired({ passwordChangedAt: set, createdAt: set }, PASSWORD_MAX_AGE_DAYS, at(89))).toBe(false);
    expect(accountPasswordExpired({ passwordChangedAt: set, createdAt: set }, PASSWORD_MAX_AGE_DAYS, at(90))).toBe(true);
    expect(accountPasswordExpired({ createdAt: set }, 30, at(31))).toBe(true);
    expect(accountPasswordExpired({ passwordChangedAt: 'garbage', createdAt: set }, 90, at(1))).toBe(true);
  });

  it('an expired password signs in but forces the change first; a changed one does not', async () => {
    await addOfficer('100001', ['window'], { passwordChangedAt: '2026-01-01T00:00:00.000Z' });
    const session = useSessionStore();
    const now = new Date('2026-12-01T08:00:00Z');
    expect((await session.signIn('100001', PASSWORD, now)).ok).toBe(true);
    expect(session.mustChangePassword).toBe(true);
    expect(session.passwordExpired).toBe(true);
    expect(await session.changePassword(PASSWORD, 'Another#2026')).toEqual({ ok: true });
    expect(session.mustChangePassword).toBe(false);
    await session.signOut();
    await session.signIn('100001', 'Another#2026');
    expect(session.mustChangePassword).toBe(false);
  });

  it('follows the period the station admin set, audited', async () => {
    await addOfficer('100001', ['window'], { passwordChangedAt: '2026-11-01T00:00:00.000Z' });
    const session = useSessionStore();
    const now = new Date('2026-12-01T08:00:00Z');
    expect(await readPasswordMaxAgeDays()).toBe(PASSWORD_MAX_AGE_DAYS);
    await session.signIn('100001', PASSWORD, now);
    expect(session.mustChangePassword).toBe(false);
    await session.signOut();
    await savePasswordMaxAgeDays(station, '310000:000004', 30);
    expect(await readPasswordMaxAgeDays()).toBe(30);
    await session.signIn('100001', PASSWORD, now);
    expect(session.mustChangePassword).toBe(true);
    expect((await auditEntries()).find((e) => e.action === 'session.passwordPolicy')).toMatchObject({ officer: '310000:000004', detail: '30 days' });
    await expect(savePasswordMaxAgeDays(station, '310000:000004', 0)).rejects.toThrow();
  });
});
