import type Dexie from 'dexie';
import { hexToBytes } from '@noble/hashes/utils.js';
import { secretScheme } from '@shared/bridge/contract';
import { fromBase64, fromUtf8, toBase64 } from '@shared/bytes';
import { verifyPackage, type PackageRefusal, type PinnedTrust, type VerifiedPackage } from '@shared/provisioning/package';
import { SealedError, openSealed, parseSealed, type SealedEnvelope, type SealedErrorCode } from '@shared/provisioning/sealed';
import { keyPairFromSeed, publicKeyHex, type KeyPair } from '@shared/sync/keys';
import { officerKeyString, recipientGroups } from '@shared/sync/event';
import { neighboursOf } from '@shared/sync/roster';
import { z } from 'zod';
import { META_TABLE, db, defineMetaKey, readMeta, writeMeta } from '@renderer/platform/db';
import { callHost } from '@renderer/platform/host';
import { forgetPlainStationKey, holdUnlockedStationKey, stationIdentityMeta, storedStationIdentity } from '@renderer/platform/station';
import { exchangeUrlMeta, loadTrust, pinTrust, runCommand } from '@renderer/sync';
import { webCryptoAesGcm } from '@shared/provisioning/aes-gcm';

/**
 * 导入开通包: open a provisioning package with its one-time passphrase, check it against what this PC already
 * trusts, and make this installation that station. The station's secret key goes to the host's OS-protected store
 * (Electron safeStorage); only the protected blob is kept in the database.
 */

export const protectedStationKey = z.object({ scheme: secretScheme, protectedBase64: z.string().min(1), publicKey: publicKeyHex });
export type ProtectedStationKey = z.infer<typeof protectedStationKey>;

/** The protected station key (what `secrets.protect` returned) and the public key it belongs to. Owned here. */
export const protectedStationKeyMeta = defineMetaKey('provisioning.stationKey', protectedStationKey);

/** Bytes over the bridge; the stored row keeps the blob as base64, the shape databases already hold. */
async function protectSecret(plaintext: Uint8Array): Promise<Pick<ProtectedStationKey, 'scheme' | 'protectedBase64'>> {
  const { scheme, blob } = await callHost('secrets.protect', { plaintext });
  return { scheme, protectedBase64: toBase64(blob) };
}

export type ProvisioningRefusal = SealedErrorCode | PackageRefusal | 'otherStation' | 'demoStation';

/** Why a package was refused; the UI shows `provisioning.refused.<code>`. */
export class ProvisioningError extends Error {
  constructor(readonly code: ProvisioningRefusal) {
    super(`provisioning package refused: ${code}`);
    this.name = 'ProvisioningError';
  }
}

/** Reads the package's label (station code, date, root fingerprint) before asking for the passphrase. */
export function readPackage(text: string): SealedEnvelope {
  try {
    return parseSealed(text, 'provisioning-package');
  } catch (error) {
    if (error instanceof SealedError) throw new ProvisioningError(error.code);
    throw error;
  }
}

/** What this PC already trusts (null on a fresh install or a development build). */
export async function pinnedTrust(database: Dexie = db()): Promise<PinnedTrust | null> {
  const trust = await loadTrust(database);
  if (!trust.rootPublicKey) return null;
  return { rootPublicKey: trust.rootPublicKey, rosterVersion: trust.roster?.roster.version ?? 0 };
}

/**
 * Opens and verifies. On a fresh PC (or a demo one being replaced) the package's root is pinned; on a provisioned
 * PC the package must come from the same root, for the same station, with a roster no older than the one held.
 */
export async function openPackage(envelope: SealedEnvelope, passphrase: string, database: Dexie = db()): Promise<VerifiedPackage> {
  let content: unknown;
  try {
    content = JSON.parse(fromUtf8(await openSealed(envelope, passphrase.trim(), webCryptoAesGcm)));
  } catch (error) {
    if (error instanceof SealedError) throw new ProvisioningError(error.code);
    throw new ProvisioningError('malformed');
  }
  const current = await storedStationIdentity(database);
  // Demo and real never mix (issue 14): a demo station's public officers and fake residents would stay behind.
  if (current?.kind === 'demo') throw new ProvisioningError('demoStation');
  const provisioned = current?.kind === 'provisioned';
  const check = verifyPackage(content, provisioned ? await pinnedTrust(database) : null);
  if (!check.ok) throw new ProvisioningError(check.reason);
  if (provisioned && current.code !== check.value.identity.code) throw new ProvisioningError('otherStation');
  return check.value;
}

export interface ApplyOptions {
  /** Who is doing it, for the audit trail: the signed-in admin, or `installer` on the first-run screen. */
  actor: string;
  database?: Dexie;
}

/**
 * Makes this installation the package's station: protects the key with the OS first (nothing is written if that
 * fails), then identity, pinned root, roster, exchange address and the protected key as one command (one
 * transaction with its audit entry). A demo station is refused (its demo officers and residents would stay); a plain
 * key left from before is removed all the same, so only the provisioned key can sign.
 */
export async function applyPackage(pkg: VerifiedPackage, options: ApplyOptions): Promise<void> {
  const database = options.database ?? db();
  const previous = await storedStationIdentity(database);
  if (previous?.kind === 'demo') throw new ProvisioningError('demoStation');
  const stored: ProtectedStationKey = { ...(await protectSecret(hexToBytes(pkg.stationSecretKey))), publicKey: pkg.station.publicKey };
  const rotation = previous?.kind === 'provisioned';
  const forwardTo = rotation ? await rosterForwardees(database, pkg, options.actor) : [];
  await runCommand({
    tables: [META_TABLE],
    database,
    async work(scope) {
      await writeMeta(stationIdentityMeta, pkg.identity, database);
      await pinTrust(database, pkg.rootPublicKey, pkg.signedRoster);
      await writeMeta(exchangeUrlMeta, pkg.exchangeUrl, database);
      await writeMeta(protectedStationKeyMeta, stored, database);
      await forgetPlainStationKey(database);
      scope.audit({
        station: pkg.identity.code,
        officer: options.actor,
        action: 'station.provision',
        object: pkg.identity.code,
        result: 'success',
        detail: `${rotation ? 'key rotation' : previous ? 'provisions the development station' : 'first provisioning'}; roster v${pkg.roster.version}; key ${pkg.station.publicKey.slice(0, 16)}…`,
      });
      // The newer roster goes on to the neighbours (docs/PROTOCOL.md §7), in the same transaction.
      for (const group of recipientGroups(forwardTo)) {
        scope.emit({ type: 'roster.updated', aggregateId: 'roster', recipients: group, payload: pkg.signedRoster, officer: options.actor });
      }
    },
  });
  holdUnlockedStationKey(database, keyPairFromSeed(hexToBytes(pkg.stationSecretKey)));
}

/**
 * Who a re-provisioned station forwards the package's roster to: its neighbours under that roster, when the roster
 * is newer than the one held, the station key is the one it already signs with (after a key rotation neighbours
 * could not check its batches before they have the roster), and an officer (not the installer) imports it.
 */
async function rosterForwardees(database: Dexie, pkg: VerifiedPackage, actor: string): Promise<string[]> {
  const [trust, key] = await Promise.all([loadTrust(database), readMeta(protectedStationKeyMeta, database)]);
  const held = trust.roster?.roster.version ?? 0;
  if (pkg.roster.version <= held || key?.publicKey !== pkg.station.publicKey || !officerKeyString.safeParse(actor).success) return [];
  return neighboursOf(pkg.roster, pkg.identity.code).map((s) => s.code);
}

/** The station's signing key from the OS-protected store, or null when this PC holds no provisioned key. */
export async function loadProtectedStationKey(database: Dexie = db()): Promise<KeyPair | null> {
  const stored = await readMeta(protectedStationKeyMeta, database);
  if (!stored) return null;
  const { plaintext } = await callHost('secrets.unprotect', { scheme: stored.scheme, blob: fromBase64(stored.protectedBase64) });
  const pair = keyPairFromSeed(plaintext);
  // A blob that unprotects to another key (copied from another PC's database) is not this station's key.
  if (pair.publicKey !== stored.publicKey) throw new Error('protected station key does not match its public key');
  return pair;
}

/**
 * At start-up, outside any transaction: unprotects the station key once and keeps it in memory for signing.
 * Null when this PC holds no provisioned key (development or demo stations) or the OS refuses.
 */
export async function unlockStationKey(database: Dexie = db()): Promise<KeyPair | null> {
  let pair: KeyPair | null = null;
  try {
    pair = await loadProtectedStationKey(database);
  } catch {
    pair = null; // e.g. a database copied from another PC: the station must be re-provisioned or restored
  }
  holdUnlockedStationKey(database, pair);
  return pair;
}

/** Re-protects a key that came in a backup: the old PC's OS protection cannot be opened on this one. */
export async function protectStationKey(secretKeyHex: string): Promise<ProtectedStationKey> {
  const pair = keyPairFromSeed(hexToBytes(secretKeyHex));
  return { ...(await protectSecret(hexToBytes(pair.secretKey))), publicKey: pair.publicKey };
}

/** Whether the host keeps secrets only for development (the browser host): the UI labels that clearly. */
export async function secretsAreDevelopmentOnly(): Promise<boolean> {
  return (await callHost('app.getInfo', {})).host === 'browser';
}

/** Package and backup files are JSON text; the host hands file content over as bytes. */
export const fileText = (content: Uint8Array): string => fromUtf8(content);
