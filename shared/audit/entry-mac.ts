import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { KeyPair } from '../sync/keys';
import type { AuditEntry } from './chain';

/**
 * Each audit entry is authenticated with the station key, not only chained: `mac` = `<key id>.<HMAC-SHA256 of
 * the entry's hash>`, under a key derived from the station's signing seed. Someone who edits the database
 * without that key (a copied disk, another program) cannot make an edited entry authenticate. Someone at the PC
 * while the station is signed in may hold the key; the checkpoints held by neighbours cover that case
 * (shared/audit/checkpoint.ts). HMAC rather than an Ed25519 signature per entry: it costs microseconds.
 */
export interface AuditMacKey {
  /** The first 16 hex digits of the station public key: which key authenticated an entry. */
  id: string;
  key: Uint8Array;
}

const PURPOSE = utf8ToBytes('yrd-station audit entry mac v1');

/** The MAC key of a station signing key (a one-way derivation: the MAC key does not give the signing key). */
export function auditMacKey(pair: KeyPair): AuditMacKey {
  return { id: pair.publicKey.slice(0, 16), key: hmac(sha256, hexToBytes(pair.secretKey), PURPOSE) };
}

export function entryMac(hash: string, key: AuditMacKey): string {
  return `${key.id}.${bytesToHex(hmac(sha256, key.key, utf8ToBytes(hash)))}`;
}

/** The entry with its MAC (none without a key: a station whose key is not available cannot authenticate). */
export function withMac(entry: AuditEntry, key: AuditMacKey | null): AuditEntry {
  return key ? { ...entry, mac: entryMac(entry.hash, key) } : entry;
}

/**
 * Where a walk of MACs has got to: whether an entry under the current key has been seen. Entries from before it
 * (written before MACs existed, or under an earlier key of this station, e.g. before provisioning) cannot be
 * checked here and are counted; from the first entry under the current key on, every entry must carry a valid one
 * (a key only ever changes forward).
 */
export interface MacCursor {
  current: boolean;
  unchecked: number;
}
export const macStart: MacCursor = { current: false, unchecked: 0 };

/** Checks one page of entries (seq order); returns the seq of the first entry that fails, or the cursor on. */
export function verifyMacs(entries: readonly AuditEntry[], key: AuditMacKey | null, cursor: MacCursor): { failedAt: number | null; cursor: MacCursor } {
  let { current, unchecked } = cursor;
  for (const entry of entries) {
    const underCurrent = key !== null && entry.mac?.startsWith(`${key.id}.`) === true;
    if (underCurrent && entry.mac !== entryMac(entry.hash, key)) return { failedAt: entry.seq, cursor: { current, unchecked } };
    if (underCurrent) current = true;
    else if (current) return { failedAt: entry.seq, cursor: { current, unchecked } };
    else unchecked += 1;
  }
  return { failedAt: null, cursor: { current, unchecked } };
}
