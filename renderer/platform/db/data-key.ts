import { importAesGcmKey, type AesGcmKey } from '@shared/provisioning/aes-gcm';

/**
 * The station's data key (数据密钥): AES-256-GCM, sealing the personal fields of the station database at rest
 * (see sealed-tables.ts). It lives in this window's memory only, as a non-extractable WebCrypto key; on disk
 * there is only its OS-protected form (unlock.ts).
 */

/**
 * - `locked`: no data key is held in this window (start-up did not unlock it).
 * - `unavailable`: the OS would not unprotect the stored key (another Windows user or PC, a damaged profile).
 * - `mismatch`: the key held does not open this database's rows (a row changed, or a key of another database).
 */
export type DataKeyErrorCode = 'locked' | 'unavailable' | 'mismatch';

export class DataKeyError extends Error {
  constructor(
    readonly code: DataKeyErrorCode,
    detail: string = code,
  ) {
    super(detail);
    this.name = 'DataKeyError';
  }
}

export const DATA_KEY_BYTES = 32;

let held: AesGcmKey | null = null;

/** Imports the key's bytes and holds it for every sealed read and write of this window. */
export async function holdDataKey(raw: Uint8Array): Promise<void> {
  if (raw.length !== DATA_KEY_BYTES) throw new DataKeyError('mismatch', `a data key has ${DATA_KEY_BYTES} bytes, not ${raw.length}`);
  held = await importAesGcmKey(raw);
}

export function releaseDataKey(): void {
  held = null;
}

export const isDataKeyHeld = (): boolean => held !== null;

/**
 * Whether this database has no data key stored yet (set by the start-up peek, unlock.ts). Only then may a schema
 * upgrade write a sealed table's rows in clear without a key: they are from before sealing, and the first unlock
 * seals them. A database with a stored key is upgraded with the key already held, or not at all.
 */
let keylessDatabase = false;

export function setKeylessDatabase(keyless: boolean): void {
  keylessDatabase = keyless;
}

export const upgradeMayWriteClear = (): boolean => keylessDatabase && held === null;

export function heldDataKey(): AesGcmKey {
  if (!held) throw new DataKeyError('locked', 'the station data key is not unlocked');
  return held;
}
