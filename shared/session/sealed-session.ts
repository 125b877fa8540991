import { z } from 'zod';
import { Base64Error, fromBase64, fromUtf8, toBase64, utf8 } from '../bytes';

/**
 * The session that survives a reload of the window, sealed by its host (Electron main's per-boot secret; the
 * browser host's development stand-in) so that the page cannot write one: a token is the claims as JSON and an
 * HMAC-SHA256 over them, `base64(claims).base64(mac)`. The host also remembers the nonce of the newest token it
 * sealed for each window, so an older token of the same boot (say, from before the screen was locked) is refused
 * like a forged one.
 */

/** A sealed session lasts a working shift; the renderer seals again on every change (sign-in, lock, unlock, restore). */
export const SESSION_SEAL_HOURS = 12;
export const MAX_SESSION_TOKEN_LENGTH = 2048;

/** What the renderer asks to be sealed: who is signed in, and whether the screen is locked. */
export const sessionSealRequest = z.object({
  officer: z.string().min(1).max(40),
  locked: z.boolean(),
});
export type SessionSealRequest = z.infer<typeof sessionSealRequest>;

/** What the host seals: the request, when it was sealed, until when it opens, and a nonce naming this token. */
export const sessionClaims = sessionSealRequest.extend({
  v: z.literal(1),
  issuedAt: z.string().min(1).max(40),
  expiresAt: z.string().min(1).max(40),
  nonce: z.string().regex(/^[0-9a-f]{32}$/),
});
export type SessionClaims = z.infer<typeof sessionClaims>;

export const sessionToken = z.string().min(1).max(MAX_SESSION_TOKEN_LENGTH);

export const sessionRefusal = z.enum(['malformed', 'badSeal', 'expired', 'superseded']);
export type SessionRefusal = z.infer<typeof sessionRefusal>;

export const sessionOpenOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('valid'), claims: sessionClaims }),
  z.object({ outcome: z.literal('refused'), reason: sessionRefusal }),
]);
export type SessionOpenOutcome = z.infer<typeof sessionOpenOutcome>;

/** What a host provides: a MAC under a key the page cannot read, randomness, a clock, and the newest nonce per window. */
export interface SealerDeps {
  mac(data: Uint8Array): Promise<Uint8Array>;
  randomHex(bytes: number): string;
  now(): Date;
  latestNonce(scope: string): Promise<string | null>;
  setLatestNonce(scope: string, nonce: string | null): Promise<void>;
}

export interface SessionSealer {
  seal(request: SessionSealRequest, scope: string): Promise<string>;
  open(token: string, scope: string): Promise<SessionOpenOutcome>;
  /** Sign-out: no token of this window opens any more. */
  end(scope: string): Promise<void>;
}

/** Compares in constant time, so the time taken says nothing about how much of the MAC matched. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

function split(token: string): { payload: Uint8Array; mac: Uint8Array } | null {
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  try {
    return { payload: fromBase64(parts[0] ?? ''), mac: fromBase64(parts[1] ?? '') };
  } catch (error) {
    if (error instanceof Base64Error) return null;
    throw error;
  }
}

function parseClaims(payload: Uint8Array): SessionClaims | null {
  try {
    const parsed = sessionClaims.safeParse(JSON.parse(fromUtf8(payload)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function createSessionSealer(deps: SealerDeps): SessionSealer {
  return {
    async seal(request, scope) {
      const now = deps.now();
      const claims: SessionClaims = {
        v: 1,
        ...sessionSealRequest.parse(request),
        issuedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + SESSION_SEAL_HOURS * 3_600_000).toISOString(),
        nonce: deps.randomHex(16),
      };
      const payload = utf8(JSON.stringify(claims));
      const mac = await deps.mac(payload);
      await deps.setLatestNonce(scope, claims.nonce);
      return `${toBase64(payload)}.${toBase64(mac)}`;
    },

    async open(token, scope) {
      const parts = split(token);
      if (!parts) return { outcome: 'refused', reason: 'malformed' };
      // The MAC first: nothing in an unauthenticated payload is read, not even to say what was wrong with it.
      if (!sameBytes(await deps.mac(parts.payload), parts.mac)) return { outcome: 'refused', reason: 'badSeal' };
      const claims = parseClaims(parts.payload);
      if (!claims) return { outcome: 'refused', reason: 'malformed' };
      if (!(Date.parse(claims.expiresAt) > deps.now().getTime())) return { outcome: 'refused', reason: 'expired' };
      if ((await deps.latestNonce(scope)) !== claims.nonce) return { outcome: 'refused', reason: 'superseded' };
      return { outcome: 'valid', claims };
    },

    async end(scope) {
      await deps.setLatestNonce(scope, null);
    },
  };
}
