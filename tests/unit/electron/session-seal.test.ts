import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { bridgeContract } from '@shared/bridge/contract';
import { fromBase64, fromUtf8, toBase64, utf8 } from '@shared/bytes';
import { SESSION_SEAL_HOURS } from '@shared/session/sealed-session';
import { dispatch } from '../../../electron/main/bridge';
import { createHandlers, type HostDeps } from '../../../electron/main/handlers';
import { APP_ORIGIN } from '../../../electron/main/origin';
import { createMainSessionSealer, newSessionSecret } from '../../../electron/main/session-seal';

const t0 = new Date('2026-12-01T08:00:00Z');
const clock = () => {
  let now = t0;
  return { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
};
const admin = { officer: '310000:000004', locked: false };

/** Rewrites the claims of a token and keeps its MAC: what someone editing sessionStorage can do without the secret. */
function edited(token: string, change: (claims: Record<string, unknown>) => void): string {
  const [payload, mac] = token.split('.');
  const claims = JSON.parse(fromUtf8(fromBase64(payload ?? ''))) as Record<string, unknown>;
  change(claims);
  return `${toBase64(utf8(JSON.stringify(claims)))}.${mac ?? ''}`;
}

describe('the session sealer (main, per-boot secret)', () => {
  it('opens what it sealed, with the claims bound: officer, locked flag, issue time and expiry', async () => {
    const c = clock();
    const sealer = createMainSessionSealer(newSessionSecret(), c.now);
    const token = await sealer.seal({ officer: '310000:000001', locked: true }, 'w1');
    const opened = await sealer.open(token, 'w1');
    expect(opened).toMatchObject({
      outcome: 'valid',
      claims: { officer: '310000:000001', locked: true, issuedAt: t0.toISOString(), expiresAt: new Date(t0.getTime() + SESSION_SEAL_HOURS * 3_600_000).toISOString() },
    });
  });

  it('refuses an edited token: flipping locked, changing the officer or stretching the expiry breaks the seal', async () => {
    const sealer = createMainSessionSealer(newSessionSecret());
    const token = await sealer.seal({ officer: '310000:000001', locked: true }, 'w1');
    for (const change of [
      (c: Record<string, unknown>) => (c['locked'] = false),
      (c: Record<string, unknown>) => (c['officer'] = '310000:000004'),
      (c: Record<string, unknown>) => (c['expiresAt'] = '2099-01-01T00:00:00.000Z'),
    ]) {
      expect(await sealer.open(edited(token, change), 'w1')).toEqual({ outcome: 'refused', reason: 'badSeal' });
    }
    // The untouched token still opens: the refusals above were the edits, not the token.
    expect((await sealer.open(token, 'w1')).outcome).toBe('valid');
  });

  it('refuses a hand-written session and garbage as malformed', async () => {
    const sealer = createMainSessionSealer(newSessionSecret());
    expect(await sealer.open('{"key":"310000:000004","locked":false}', 'w1')).toEqual({ outcome: 'refused', reason: 'malformed' });
    expect(await sealer.open('not base64!.AA==', 'w1')).toEqual({ outcome: 'refused', reason: 'malformed' });
    expect(await sealer.open(`${toBase64(utf8(JSON.stringify(admin)))}.${toBase64(new Uint8Array(32))}`, 'w1')).toEqual({ outcome: 'refused', reason: 'badSeal' });
  });

  it('refuses a token sealed under another boot secret (a restart, or another PC)', async () => {
    const before = createMainSessionSealer(newSessionSecret());
    const token = await before.seal(admin, 'w1');
    const afterRestart = createMainSessionSealer(newSessionSecret());
    await afterRestart.seal({ officer: '310000:000001', locked: false }, 'w1');
    expect(await afterRestart.open(token, 'w1')).toEqual({ outcome: 'refused', reason: 'badSeal' });
  });

  it('refuses a token replayed after its expiry', async () => {
    const c = clock();
    const sealer = createMainSessionSealer(newSessionSecret(), c.now);
    const token = await sealer.seal(admin, 'w1');
    c.advance(SESSION_SEAL_HOURS * 3_600_000 - 1);
    expect((await sealer.open(token, 'w1')).outcome).toBe('valid');
    c.advance(1);
    expect(await sealer.open(token, 'w1')).toEqual({ outcome: 'refused', reason: 'expired' });
  });

  it('refuses an older token of the same boot (copied before the lock), one of another window, and any after sign-out', async () => {
    const sealer = createMainSessionSealer(newSessionSecret());
    const unlocked = await sealer.seal({ officer: '310000:000001', locked: false }, 'w1');
    const locked = await sealer.seal({ officer: '310000:000001', locked: true }, 'w1');
    expect(await sealer.open(unlocked, 'w1')).toEqual({ outcome: 'refused', reason: 'superseded' });
    expect(await sealer.open(locked, 'w2')).toEqual({ outcome: 'refused', reason: 'superseded' });
    expect((await sealer.open(locked, 'w1')).outcome).toBe('valid');
    await sealer.end('w1');
    expect(await sealer.open(locked, 'w1')).toEqual({ outcome: 'refused', reason: 'superseded' });
  });

  it('refuses a secret shorter than an HMAC-SHA256 key', () => {
    expect(() => createMainSessionSealer(new Uint8Array(16))).toThrow('too short');
  });
});

describe('the session bridge calls', () => {
  const eventFor = (id: number) =>
    ({ senderFrame: { url: 'app://station/index.html', parent: null }, sender: { id } }) as unknown as IpcMainInvokeEvent;
  const handlers = createHandlers({ sessions: createMainSessionSealer(newSessionSecret()) } as HostDeps);
  const call = async (method: 'session.seal' | 'session.open' | 'session.end', args: unknown, id = 1) => {
    const reply = await dispatch(method, eventFor(id), args, handlers, [APP_ORIGIN]);
    if (!reply.ok) throw new Error(reply.error.code);
    return reply.value;
  };

  it('seals for the calling window and opens there only; the result carries the token, never the secret', async () => {
    const sealed = bridgeContract['session.seal'].result.parse(await call('session.seal', admin, 7));
    expect(Object.keys(sealed)).toEqual(['token']);
    expect(await call('session.open', { token: sealed.token }, 7)).toMatchObject({ outcome: 'valid', claims: admin });
    expect(await call('session.open', { token: sealed.token }, 8)).toEqual({ outcome: 'refused', reason: 'superseded' });
    await call('session.end', {}, 7);
    expect(await call('session.open', { token: sealed.token }, 7)).toEqual({ outcome: 'refused', reason: 'superseded' });
  });

  it('validates the arguments: no extra claims can be asked for, no oversized token is read', async () => {
    expect((await dispatch('session.seal', eventFor(1), { officer: '', locked: false }, handlers, [APP_ORIGIN])).ok).toBe(false);
    expect((await dispatch('session.open', eventFor(1), { token: 'x'.repeat(5000) }, handlers, [APP_ORIGIN])).ok).toBe(false);
    const stretched = await call('session.seal', { ...admin, expiresAt: '2099-01-01T00:00:00.000Z', issuedAt: '2099-01-01T00:00:00.000Z' }, 9);
    const opened = await call('session.open', { token: bridgeContract['session.seal'].result.parse(stretched).token }, 9);
    expect(JSON.stringify(opened)).not.toContain('2099');
  });
});
