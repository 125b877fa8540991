import { createHmac, randomBytes } from 'node:crypto';
import { createSessionSealer, type SessionSealer } from '@shared/session/sealed-session';

/** Bytes of the per-boot secret: an HMAC-SHA256 key as long as its output. */
export const SESSION_SECRET_BYTES = 32;

/** The secret main makes at start-up and keeps in its memory: never written anywhere, never sent to a renderer. */
export function newSessionSecret(): Uint8Array {
  return new Uint8Array(randomBytes(SESSION_SECRET_BYTES));
}

/**
 * Seals and opens the renderer's session with the per-boot secret. A restart of the app makes a new secret, so no
 * token of an earlier run opens; the newest nonce is remembered per window (webContents id), in memory too.
 */
export function createMainSessionSealer(secret: Uint8Array, now: () => Date = () => new Date()): SessionSealer {
  if (secret.length < SESSION_SECRET_BYTES) throw new Error('session secret too short');
  const key = Buffer.from(secret);
  const latest = new Map<string, string>();
  return createSessionSealer({
    mac: async (data) => new Uint8Array(createHmac('sha256', key).update(data).digest()),
    randomHex: (bytes) => randomBytes(bytes).toString('hex'),
    now,
    latestNonce: async (scope) => latest.get(scope) ?? null,
    setLatestNonce: async (scope, nonce) => {
      if (nonce === null) latest.delete(scope);
      else latest.set(scope, nonce);
    },
  });
}
