import { z } from 'zod';

/**
 * The session survives a reload of the window (sessionStorage, gone when the app closes), locked state included,
 * so reloading never bypasses the lock screen. The account is re-read from the database on restore.
 */
const KEY = 'yrd.session';
const stored = z.object({ key: z.string(), locked: z.boolean() });
export type StoredSession = z.infer<typeof stored>;

export function saveSession(session: StoredSession): void {
  globalThis.sessionStorage?.setItem(KEY, JSON.stringify(session));
}

export function loadSession(): StoredSession | null {
  const raw = globalThis.sessionStorage?.getItem(KEY);
  if (!raw) return null;
  try {
    const parsed = stored.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function clearSession(): void {
  globalThis.sessionStorage?.removeItem(KEY);
}
