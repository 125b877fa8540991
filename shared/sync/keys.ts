import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { canonicalBytes } from './canonical';

/** 32-byte Ed25519 public key, lower-case hex. */
export const publicKeyHex = z.string().regex(/^[0-9a-f]{64}$/, 'public key is 64 hex digits');
/** 64-byte Ed25519 signature, lower-case hex. */
export const signatureHex = z.string().regex(/^[0-9a-f]{128}$/, 'signature is 128 hex digits');
/** SHA-256 digest, lower-case hex. */
export const hashHex = z.string().regex(/^[0-9a-f]{64}$/, 'hash is 64 hex digits');

/** A station's (or the root's) signing key: the 32-byte Ed25519 seed and its public key, both hex. */
export const keyPair = z.object({ secretKey: hashHex, publicKey: publicKeyHex });
export type KeyPair = z.infer<typeof keyPair>;

export function keyPairFromSeed(seed: Uint8Array): KeyPair {
  return { secretKey: bytesToHex(seed), publicKey: bytesToHex(ed25519.getPublicKey(seed)) };
}

export function generateKeyPair(): KeyPair {
  return keyPairFromSeed(ed25519.utils.randomSecretKey());
}

/** Signs the canonical encoding of `content`. */
export function signCanonical(content: unknown, secretKeyHex: string): string {
  return bytesToHex(ed25519.sign(canonicalBytes(content), hexToBytes(secretKeyHex)));
}

/** True only for a well-formed signature by `publicKeyHex` over the canonical encoding of `content`. */
export function verifyCanonical(content: unknown, signature: string, publicKey: string): boolean {
  try {
    return ed25519.verify(hexToBytes(signature), canonicalBytes(content), hexToBytes(publicKey));
  } catch {
    return false;
  }
}

/** Ed25519 signature over raw bytes (for formats that are not canonical JSON, e.g. the documents' QR statements). */
export function signBytes(message: Uint8Array, secretKeyHex: string): Uint8Array {
  return ed25519.sign(message, hexToBytes(secretKeyHex));
}

/** True only for a well-formed signature by `publicKeyHex` over `message`; false for malformed input too. */
export function verifyBytes(signature: Uint8Array, message: Uint8Array, publicKeyHex: string): boolean {
  try {
    return ed25519.verify(signature, message, hexToBytes(publicKeyHex));
  } catch {
    return false;
  }
}

/**
 * Checks one Ed25519 signature. The default is @noble/curves; a host with a native implementation (WebCrypto in
 * the renderer) passes its own, many times faster, for the inbox's bulk verification.
 */
export type SignatureVerifier = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => Promise<boolean>;

export const nobleVerifier: SignatureVerifier = async (signature, message, publicKey) => {
  try {
    return ed25519.verify(signature, message, publicKey);
  } catch {
    return false;
  }
};

/** verifyCanonical through a (possibly asynchronous, native) verifier; false for malformed hex too. */
export async function verifyCanonicalWith(verifier: SignatureVerifier, content: unknown, signature: string, publicKey: string): Promise<boolean> {
  let sig: Uint8Array;
  let key: Uint8Array;
  try {
    sig = hexToBytes(signature);
    key = hexToBytes(publicKey);
  } catch {
    return false;
  }
  return verifier(sig, canonicalBytes(content), key);
}

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

export function canonicalHash(content: unknown): string {
  return sha256Hex(canonicalBytes(content));
}
