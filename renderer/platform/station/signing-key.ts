import type Dexie from 'dexie';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { developmentStation } from '@shared/domain/dev-station';
import { stationIdentity, type StationIdentity } from '@shared/domain/station';
import { keyPair, keyPairFromSeed, type KeyPair } from '@shared/sync/keys';
import { STATION_IDENTITY_KEY } from './store';
import { unlockedStationKey } from './key-cache';
import { META_TABLE } from '@renderer/sync';

/** Meta keys sync keeps (the meta table is shared; these are ours). */
export const META_KEYS = {
  stationKey: 'sync.stationKey',
  rootPublicKey: 'sync.rootPublicKey',
  roster: 'sync.roster',
  exchangeUrl: 'sync.exchangeUrl',
} as const;

/**
 * The key of an unprovisioned development build: derivable by anyone and in no roster, so nothing it signs is
 * ever accepted by another station. It lets features write events before a station is set up.
 */
const developmentKey: KeyPair = keyPairFromSeed(sha256(utf8ToBytes('yrd-station development key, in no roster')));

export class NoStationKeyError extends Error {
  constructor(code: string) {
    super(`station ${code} has no signing key`);
    this.name = 'NoStationKeyError';
  }
}

/**
 * A provisioned station's key lives in Electron safeStorage, not IndexedDB: the provisioning feature reads it
 * through the bridge at start-up and hands it here. It must be in memory because events are signed inside Dexie
 * transactions, which cannot wait for IPC. `null` forgets it (e.g. on re-provisioning).
 */
let providedKey: KeyPair | null = null;

export function provideStationKey(key: KeyPair | null): void {
  providedKey = key === null ? null : keyPair.parse(key);
}

export interface SigningStation {
  identity: StationIdentity;
  key: KeyPair;
}

async function metaValue(database: Dexie, key: string): Promise<unknown> {
  const row = await database.table<{ key: string; value: unknown }, string>(META_TABLE).get(key);
  return row?.value;
}

/** Who signs this station's events: the stored identity and key (Electron safeStorage once provisioning lands). */
export async function loadSigningStation(database: Dexie): Promise<SigningStation> {
  // Both reads at once (one round trip): the stored key is unused when the station's key is unlocked or provided.
  const [storedIdentity, storedKey] = await Promise.all([metaValue(database, STATION_IDENTITY_KEY), metaValue(database, META_KEYS.stationKey)]);
  const parsedIdentity = stationIdentity.safeParse(storedIdentity);
  const identity = parsedIdentity.success ? parsedIdentity.data : developmentStation;
  // A provisioned station's key lives OS-protected (provisioning, issue 7), unlocked once at start-up.
  const unlocked = unlockedStationKey(database);
  if (unlocked && identity.kind === 'provisioned') return { identity, key: unlocked };
  if (providedKey) return { identity, key: providedKey };
  const parsedKey = keyPair.safeParse(storedKey);
  if (parsedKey.success) return { identity, key: parsedKey.data };
  if (identity.kind === 'development') return { identity, key: developmentKey };
  throw new NoStationKeyError(identity.code);
}

export async function readMeta(database: Dexie, key: string): Promise<unknown> {
  return metaValue(database, key);
}

export async function writeMeta(database: Dexie, key: string, value: unknown): Promise<void> {
  await database.table(META_TABLE).put({ key, value, updatedAt: new Date().toISOString() });
}
