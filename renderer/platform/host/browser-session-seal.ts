import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';
import { createSessionSealer, type SessionSealer } from '@shared/session/sealed-session';

/**
 * The browser host's stand-in for main's per-boot secret (development and e2e only, never a station): a random
 * HMAC key kept in localStorage, so Playwright's saved demo states (storageState) carry it to new contexts, and the
 * newest nonce in the tab's sessionStorage. It stops a hand-edited or hand-written session in sessionStorage, but
 * not a script of the page, which can read this key (docs/security.md says so); Electron's secret never leaves main.
 */
export const DEV_SESSION_KEY = 'yrd.dev.sessionSealKey';
const DEV_SESSION_NONCE = 'yrd.dev.sessionNonce';

let hmacKey: Promise<CryptoKey> | null = null;

function keyBytes(): Uint8Array {
  const stored = localStorage.getItem(DEV_SESSION_KEY);
  if (stored && /^[0-9a-f]{64}$/.test(stored)) return hexToBytes(stored);
  const fresh = randomBytes(32);
  localStorage.setItem(DEV_SESSION_KEY, bytesToHex(fresh));
  return fresh;
}

function sealingKey(): Promise<CryptoKey> {
  // Imported once per page as non-extractable: WebCrypto keeps it from then on.
  hmacKey ??= crypto.subtle.importKey('raw', keyBytes() as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hmacKey;
}

export function createBrowserSessionSealer(): SessionSealer {
  return createSessionSealer({
    mac: async (data) => new Uint8Array(await crypto.subtle.sign('HMAC', await sealingKey(), data as BufferSource)),
    randomHex: (bytes) => bytesToHex(randomBytes(bytes)),
    now: () => new Date(),
    // One tab is one window: its sessionStorage is the scope.
    latestNonce: async () => sessionStorage.getItem(DEV_SESSION_NONCE),
    setLatestNonce: async (_scope, nonce) => {
      if (nonce === null) sessionStorage.removeItem(DEV_SESSION_NONCE);
      else sessionStorage.setItem(DEV_SESSION_NONCE, nonce);
    },
  });
}
