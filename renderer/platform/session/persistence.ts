import { MAX_SESSION_TOKEN_LENGTH, type SessionRefusal, type SessionSealRequest } from '@shared/session/sealed-session';
import { callHost } from '@renderer/platform/host';

/**
 * The session survives a reload of the window (sessionStorage, gone when the app closes), locked state included,
 * so reloading never bypasses the lock screen. What is stored is a token the host sealed (Electron: main's per-boot
 * secret, which the page cannot read): a session written or edited by hand, one from an earlier run, an expired one
 * or an older one of this window does not open. The account is re-checked on restore (store.ts).
 */
const KEY = 'yrd.session';

export type StoredSession =
  | { kind: 'none' }
  | { kind: 'valid'; key: string; locked: boolean }
  | { kind: 'refused'; reason: SessionRefusal | 'hostError' };

/** Seals run one after another, so the token stored last is the one the host sealed last (its newest nonce). */
let queue: Promise<void> = Promise.resolve();

function inOrder(work: () => Promise<void>): Promise<void> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

/** Without a host that seals (a Node test, a failing bridge), nothing is stored: the session then ends with the window. */
export function saveSession(session: { key: string; locked: boolean }): Promise<void> {
  const request: SessionSealRequest = { officer: session.key, locked: session.locked };
  return inOrder(async () => {
    try {
      const { token } = await callHost('session.seal', request);
      globalThis.sessionStorage?.setItem(KEY, token);
    } catch {
      globalThis.sessionStorage?.removeItem(KEY);
    }
  });
}

export async function loadSession(): Promise<StoredSession> {
  await queue;
  const token = globalThis.sessionStorage?.getItem(KEY);
  if (!token) return { kind: 'none' };
  if (token.length > MAX_SESSION_TOKEN_LENGTH) return { kind: 'refused', reason: 'malformed' };
  try {
    const opened = await callHost('session.open', { token });
    if (opened.outcome === 'refused') return { kind: 'refused', reason: opened.reason };
    return { kind: 'valid', key: opened.claims.officer, locked: opened.claims.locked };
  } catch {
    // No host to ask, or it failed: nothing vouches for the token.
    return { kind: 'refused', reason: 'hostError' };
  }
}

/** Sign-out: the stored token goes, and the host opens no token of this window any more. */
export function clearSession(): Promise<void> {
  return inOrder(async () => {
    globalThis.sessionStorage?.removeItem(KEY);
    try {
      await callHost('session.end', {});
    } catch {
      // No host: there is nothing it could still open.
    }
  });
}
