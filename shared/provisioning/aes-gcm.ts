import type { AesGcm } from './sealed';

/**
 * The one AES-256-GCM adapter, for sealed files everywhere: WebCrypto, which the renderer (browser or Electron)
 * and Node 20+ (the admin tools, tests) both expose as `globalThis.crypto.subtle`. shared/ compiles without the
 * DOM lib, so the slice of SubtleCrypto used here is typed here.
 */
interface AesGcmParams {
  name: 'AES-GCM';
  iv: Uint8Array<ArrayBuffer>;
  additionalData: Uint8Array<ArrayBuffer>;
}

interface SubtleAesGcm {
  importKey(format: 'raw', keyData: Uint8Array<ArrayBuffer>, algorithm: 'AES-GCM', extractable: false, usages: ('encrypt' | 'decrypt')[]): Promise<unknown>;
  encrypt(algorithm: AesGcmParams, key: unknown, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
  decrypt(algorithm: AesGcmParams, key: unknown, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

/** Looked up at call time: a page that is not a secure context has no `crypto.subtle`, and should fail only when used. */
function subtle(): SubtleAesGcm {
  const found = (globalThis as { crypto?: { subtle?: SubtleAesGcm } }).crypto?.subtle;
  if (!found) throw new Error('WebCrypto (crypto.subtle) is not available here');
  return found;
}

// Copies: WebCrypto wants ArrayBuffer-backed views, and callers may hand subarrays of shared buffers.
const params = (iv: Uint8Array, aad: Uint8Array): AesGcmParams => ({ name: 'AES-GCM', iv: new Uint8Array(iv), additionalData: new Uint8Array(aad) });
const importKey = (key: Uint8Array, usage: 'encrypt' | 'decrypt') => subtle().importKey('raw', new Uint8Array(key), 'AES-GCM', false, [usage]);

export const webCryptoAesGcm: AesGcm = {
  async encrypt(key, iv, plaintext, aad) {
    return new Uint8Array(await subtle().encrypt(params(iv, aad), await importKey(key, 'encrypt'), new Uint8Array(plaintext)));
  },
  async decrypt(key, iv, ciphertext, aad) {
    return new Uint8Array(await subtle().decrypt(params(iv, aad), await importKey(key, 'decrypt'), new Uint8Array(ciphertext)));
  },
};

/**
 * A key imported once and kept as a non-extractable WebCrypto key (the station's data key, used per row): page
 * code can use it but never read its bytes back, and no import is paid per call.
 */
export interface AesGcmKey {
  readonly handle: unknown;
}

export async function importAesGcmKey(key: Uint8Array): Promise<AesGcmKey> {
  return { handle: await subtle().importKey('raw', new Uint8Array(key), 'AES-GCM', false, ['encrypt', 'decrypt']) };
}

export const keyedAesGcm = {
  async encrypt(key: AesGcmKey, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(await subtle().encrypt(params(iv, aad), key.handle, new Uint8Array(plaintext)));
  },
  /** Rejects when the tag does not verify (another key, or a changed row). */
  async decrypt(key: AesGcmKey, iv: Uint8Array, ciphertext: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(await subtle().decrypt(params(iv, aad), key.handle, new Uint8Array(ciphertext)));
  },
};
