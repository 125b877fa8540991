import { z } from 'zod';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { equalBytes } from '@noble/curves/utils.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../sync/canonical';
import { fromBase64, toBase64, utf8 } from '../bytes';

/**
 * A passphrase-sealed file: the office's keys (root key included), a provisioning package, a station backup. The key comes from scrypt
 * (pure JS, the same in Node and the renderer); encryption is AES-256-GCM, injected as `AesGcm` (the one adapter,
 * WebCrypto in the renderer and in Node alike, is `webCryptoAesGcm` in ./aes-gcm.ts). The header is authenticated as AAD, so no field
 * of it can be changed without the file being refused.
 */

export const sealedPurpose = z.enum(['office-secrets', 'provisioning-package', 'station-backup']);
export type SealedPurpose = z.infer<typeof sealedPurpose>;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
const powerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

export const scryptParams = z.object({
  name: z.literal('scrypt'),
  // 2^18 × r=8 is 256 MiB: the most a file may make us spend, so a crafted header cannot exhaust memory.
  N: z.number().int().min(1 << 10).max(1 << 18).refine(powerOfTwo, 'N is a power of two'),
  r: z.number().int().min(1).max(16),
  p: z.number().int().min(1).max(4),
  salt: base64,
});
export type ScryptParams = z.infer<typeof scryptParams>;

export const sealedEnvelope = z.object({
  format: z.literal('yrd-sealed'),
  version: z.literal(1),
  purpose: sealedPurpose,
  /** Unencrypted, authenticated labels an installer can read without the passphrase (station code, date). */
  meta: z.record(z.string().max(40), z.string().max(200)),
  kdf: scryptParams,
  cipher: z.object({ name: z.literal('AES-256-GCM'), iv: base64 }),
  /** SHA-256 of the second half of the derived key: tells a wrong passphrase apart from a damaged file. */
  keyCheck: base64,
  ciphertext: base64,
});
export type SealedEnvelope = z.infer<typeof sealedEnvelope>;

export interface AesGcm {
  encrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array>;
  /** Rejects when the tag does not verify. */
  decrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array, aad: Uint8Array): Promise<Uint8Array>;
}

export type SealedErrorCode = 'malformed' | 'wrongPurpose' | 'wrongPassphrase' | 'damaged';

/** Why a sealed file was refused; the UI turns the code into a message. */
export class SealedError extends Error {
  constructor(
    readonly code: SealedErrorCode,
    detail: string = code,
  ) {
    super(detail);
    this.name = 'SealedError';
  }
}

/** Production cost: ~0.2–0.5 s in a browser. Tests may pass a smaller N. */
export const DEFAULT_SCRYPT_N = 1 << 15;

/**
 * The passphrase as the key is derived from it. A provisioning package's one-time passphrase is machine-made in
 * upper case (tools/admin/passphrase.ts) and read off paper or over the phone, so whatever case it is typed in, it
 * is taken in upper case — every package issued so far opens as before. The office's and a backup's passphrases
 * are chosen by people and stay exactly as typed.
 */
export function passphraseForKey(purpose: SealedPurpose, passphrase: string): string {
  const typed = passphrase.normalize('NFC');
  return purpose === 'provisioning-package' ? typed.trim().toUpperCase() : typed;
}

async function deriveKeys(purpose: SealedPurpose, passphrase: string, kdf: ScryptParams) {
  const derived = await scryptAsync(passphraseForKey(purpose, passphrase), fromBase64(kdf.salt), { N: kdf.N, r: kdf.r, p: kdf.p, dkLen: 64 });
  return { key: derived.slice(0, 32), check: sha256(derived.slice(32)) };
}

function aadOf(envelope: Pick<SealedEnvelope, 'format' | 'version' | 'purpose' | 'meta' | 'kdf' | 'cipher' | 'keyCheck'>): Uint8Array {
  const { format, version, purpose, meta, kdf, cipher, keyCheck } = envelope;
  return utf8(canonicalJson({ format, version, purpose, meta, kdf, cipher, keyCheck }));
}

export interface SealOptions {
  purpose: SealedPurpose;
  passphrase: string;
  meta?: Record<string, string>;
  scryptN?: number;
}

export async function seal(plaintext: Uint8Array, options: SealOptions, aes: AesGcm): Promise<SealedEnvelope> {
  const kdf: ScryptParams = { name: 'scrypt', N: options.scryptN ?? DEFAULT_SCRYPT_N, r: 8, p: 1, salt: toBase64(randomBytes(16)) };
  const { key, check } = await deriveKeys(options.purpose, options.passphrase, kdf);
  const header = {
    format: 'yrd-sealed' as const,
    version: 1 as const,
    purpose: options.purpose,
    meta: options.meta ?? {},
    kdf,
    cipher: { name: 'AES-256-GCM' as const, iv: toBase64(randomBytes(12)) },
    keyCheck: toBase64(check),
  };
  const ciphertext = await aes.encrypt(key, fromBase64(header.cipher.iv), plaintext, aadOf(header));
  return sealedEnvelope.parse({ ...header, ciphertext: toBase64(ciphertext) });
}

/** Reads the envelope's header without the passphrase (to show what a file is before asking for it). */
export function parseSealed(text: string, purpose: SealedPurpose): SealedEnvelope {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new SealedError('malformed', 'not JSON');
  }
  const parsed = sealedEnvelope.safeParse(raw);
  if (!parsed.success) throw new SealedError('malformed', parsed.error.issues.map((i) => i.path.join('.')).join(', '));
  if (parsed.data.purpose !== purpose) throw new SealedError('wrongPurpose', `expected ${purpose}, got ${parsed.data.purpose}`);
  return parsed.data;
}

export async function openSealed(envelope: SealedEnvelope, passphrase: string, aes: AesGcm): Promise<Uint8Array> {
  const { key, check } = await deriveKeys(envelope.purpose, passphrase, envelope.kdf);
  if (!equalBytes(check, fromBase64(envelope.keyCheck))) throw new SealedError('wrongPassphrase');
  try {
    return await aes.decrypt(key, fromBase64(envelope.cipher.iv), fromBase64(envelope.ciphertext), aadOf(envelope));
  } catch {
    throw new SealedError('damaged', 'authentication failed');
  }
}
