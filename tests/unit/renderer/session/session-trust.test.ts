// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { fromBase64, fromUtf8, toBase64, utf8 } from '@shared/bytes';
import { createBrowserHost, installHost } from '@renderer/platform/host';
import { officersTable } from '@renderer/platform/session/officers-table';
import { loadSession } from '@renderer/platform/session/persistence';
import { useSessionStore } from '@renderer/platform/session/store';
import { addOfficer, auditEntries, freshState, PASSWORD } from './helpers';

beforeEach(async () => {
  sessionStorage.clear();
  await freshState();
  installHost(createBrowserHost());
});
afterEach(freshState);

/** A reload: a new store (and page state) over the same storage and database. */
async function reloaded() {
  setActivePinia(createPinia());
  const session = useSessionStore();
  await session.restore();
  return session;
}

const restoreEntries = async () => (await auditEntries()).filter((e) => e.action === 'session.restore').map((e) => [e.officer, e.result, e.detail]);

function editStoredClaims(change: (claims: Record<string, unknown>) => void): void {
  const [payload, mac] = (sessionStorage.getItem('yrd.session') ?? '').split('.');
  const claims = JSON.parse(fromUtf8(fromBase64(payload ?? ''))) as Record<string, unknown>;
  change(claims);
  sessionStorage.setItem('yrd.session', `${toBase64(utf8(JSON.stringify(claims)))}.${mac ?? ''}`);
}

describe('a session the page cannot forge', () => {
  it('a reload restores the signed-in officer, audited, and stores a fresh seal', async () => {
    await addOfficer('100001', ['window']);
    await useSessionStore().signIn('100001', PASSWORD);
    const first = sessionStorage.getItem('yrd.session');
    const after = await reloaded();
    expect(after.officer?.ref.policeNumber).toBe('100001');
    expect(after.locked).toBe(false);
    expect(sessionStorage.getItem('yrd.session')).not.toBe(first);
    expect(await restoreEntries()).toEqual([['310000:100001', 'success', '']]);
  });

  it('a hand-written session signs no one in, not even into an account under lockout, and is audited', async () => {
    await addOfficer('000004', ['stationAdmin'], { failedAttempts: 5, lockedUntil: '2099-01-01T00:00:00.000Z' });
    sessionStorage.setItem('yrd.session', '{"key":"310000:000004","locked":false}');
    const after = await reloaded();
    expect(after.officer).toBeNull();
    expect(sessionStorage.getItem('yrd.session')).toBeNull();
    expect(await restoreEntries()).toEqual([['anonymous', 'failure', 'refused: malformed']]);
  });

  it('flipping locked in the stored token unlocks nothing: the session is refused and audited', async () => {
    await addOfficer('100001', ['window']);
    const session = useSessionStore();
    await session.signIn('100001', PASSWORD);
    await session.lock('manual');
    editStoredClaims((claims) => (claims['locked'] = false));
    const after = await reloaded();
    expect(after.officer).toBeNull();
    expect(after.locked).toBe(false);
    expect(await restoreEntries()).toEqual([['anonymous', 'failure', 'refused: badSeal']]);
  });

  it('an older token of this window (copied before the lock) does not open', async () => {
    await addOfficer('100001', ['window']);
    const session = useSessionStore();
    await session.signIn('100001', PASSWORD);
    const beforeLock = sessionStorage.getItem('yrd.session') ?? '';
    await session.lock('manual');
    sessionStorage.setItem('yrd.session', beforeLock);
    expect(await loadSession()).toEqual({ kind: 'refused', reason: 'superseded' });
    expect((await reloaded()).officer).toBeNull();
  });

  it('after sign-out the last token opens no more', async () => {
    await addOfficer('100001', ['window']);
    const session = useSessionStore();
    await session.signIn('100001', PASSWORD);
    const token = sessionStorage.getItem('yrd.session') ?? '';
    await session.signOut();
    sessionStorage.setItem('yrd.session', token);
    expect((await reloaded()).officer).toBeNull();
  });

  it.each([
    ['disabled', { disabled: true }, 'disabled'],
    ['locked out', { failedAttempts: 5, lockedUntil: '2099-01-01T00:00:00.000Z' }, 'lockedOut until 2099-01-01T00:00:00.000Z'],
    ['password expired', { passwordChangedAt: '2020-01-01T00:00:00.000Z' }, 'passwordExpired'],
  ])('restore re-checks the account: %s since sign-in is refused and audited', async (_name, change, detail) => {
    await addOfficer('100001', ['window']);
    await useSessionStore().signIn('100001', PASSWORD);
    await officersTable().update('310000:100001', change);
    const after = await reloaded();
    expect(after.officer).toBeNull();
    expect(await restoreEntries()).toEqual([['310000:100001', 'failure', detail]]);
  });
});
