import type Dexie from 'dexie';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { StationIdentity } from '@shared/domain/station';
import { keyPair, keyPairFromSeed, type KeyPair } from '@shared/sync/keys';
import { db, defineMetaKey, deleteMeta, readMeta, writeMeta } from '@renderer/platform/db';
import { currentStationIdentity } from './identity';

/**
 * 站所签名密钥: the one provider of the key this station signs its events with. Precedence, first that applies:
 *
 * 1. **Provisioned station, key unlocked.** Its key lives OS-protected (Electron safeStorage, see
 *    features/provisioning); provisioning unprotects it once — at start-up, on import, on restore — and hands it
 *    here with `holdUnlockedStationKey`. It is kept in memory for this window because events are signed inside
 *    IndexedDB transactions, which cannot wait for a host (IPC) call. Used only while the stored identity is
 *    `provisioned`.
 * 2. **A plain key stored in the database**: demo stations, whose keys are public anyway (`storePlainStationKey`).
 * 3. **Development station** (nothing provisioned): a key anyone can derive and no roster lists, so nothing it
 *    signs is ever accepted by another station; it lets features write events before a station is set up.
 *
 * Otherwise a `NoStationKeyError`: a provisioned or demo station whose key is not available here (e.g. a
 * database copied from another PC) must be re-provisioned or restored.
 */
export interface SigningStation {
  identity: StationIdentity;
  key: KeyPair;
}

export class NoStationKeyError extends Error {
  constructor(code: string) {
    super(`station ${code} has no signing key`);
    this.name = 'NoStationKeyError';
  }
}

/** Source 2. The stored name predates this module (sync kept it); kept so existing demo installs still sign. */
const plainStationKeyMeta = defineMetaKey('sync.stationKey', keyPair);

const developmentKey: KeyPair = keyPairFromSeed(sha256(utf8ToBytes('yrd-station development key, in no roster')));

/** Source 1, per database (tests run two stations in one process). */
const unlocked = new Map<string, KeyPair>();

/**
 * The key `signingStation` last resolved per database, kept in sync when a key is unlocked, stored or forgotten:
 * the audit trail authenticates entries inside transactions that may not hold the meta table (platform/audit).
 * `undefined`: not resolved yet in this window; `null`: no key.
 */
const resolved = new Map<string, KeyPair | null>();
export const resolvedStationKey = (database: Dexie = db()): KeyPair | null | undefined => resolved.get(database.name);

/** Holds (or, with null, forgets) the provisioned key unlocked from the OS store for this database. */
export function holdUnlockedStationKey(database: Dexie, pair: KeyPair | null): void {
  if (pair) unlocked.set(database.name, keyPair.parse(pair));
  else unlocked.delete(database.name);
  // Resolved again at once (never inside a transaction: unlocking is a host call), so the audit MAC follows;
  // the previous answer stays until then, so no entry is written meanwhile as if there were no key.
  void signingStation(database).catch(() => null);
}

/** DEMO ONLY: keeps the key in the database (inside the caller's transaction, if any). */
export async function storePlainStationKey(key: KeyPair, database: Dexie = db()): Promise<void> {
  await writeMeta(plainStationKeyMeta, key, database);
  await signingStation(database).catch(() => null);
}

/** Removes a plain key, so only the provisioned key can sign (provisioning does this). */
export async function forgetPlainStationKey(database: Dexie = db()): Promise<void> {
  await deleteMeta(plainStationKeyMeta, database);
  await signingStation(database).catch(() => null);
}

/** Who signs this station's events, and with which key (see the precedence above). */
export async function signingStation(database: Dexie = db()): Promise<SigningStation> {
  // Both reads at once: the stored key is unused when the provisioned key is unlocked, but costs no extra wait.
  const [identity, stored] = await Promise.all([currentStationIdentity(database), readMeta(plainStationKeyMeta, database)]);
  const held = unlocked.get(database.name);
  const key = held && identity.kind === 'provisioned' ? held : (stored ?? (identity.kind === 'development' ? developmentKey : null));
  resolved.set(database.name, key);
  if (!key) throw new NoStationKeyError(identity.code);
  return { identity, key };
}

