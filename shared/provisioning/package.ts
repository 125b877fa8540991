import { z } from 'zod';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { StationIdentity } from '../domain/station';
import { hashHex, publicKeyHex, sha256Hex } from '../sync/keys';
import { checkRoster, signedRoster, type Roster, type RosterStation, type SignedRoster } from '../sync/roster';
import { exchangeUrl } from './exchange-url';

/**
 * 开通包 — what the integration office gives one station, sealed (purpose `provisioning-package`) under a
 * one-time passphrase that travels separately. Inside: which station this is, its secret key, the signed trust
 * roster, the root public key to pin, and where the exchange is.
 */

// In its own module so main (machine policies) can use it without the signing libraries.
export { exchangeUrl };

export const provisioningPackage = z.object({
  format: z.literal('yrd-provisioning'),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  stationCode: z.string().regex(/^\d{12}$/),
  /** The station's Ed25519 seed (hex): signs its events and batches, and is its exchange NKey. */
  stationSecretKey: hashHex,
  rootPublicKey: publicKeyHex,
  signedRoster,
  exchange: z.object({ url: exchangeUrl }).nullable(),
});
export type ProvisioningPackage = z.infer<typeof provisioningPackage>;

/** File name an installer sees and the machine-wide folder scan looks for. */
export const packageFileName = (stationCode: string): string => `${stationCode}.yrdp`;

/**
 * The labels a package's envelope carries in clear, for the station to show before the passphrase is asked for:
 * which station (code and name), when issued, under which root.
 */
export function packageMeta(station: { code: string; name: string }, createdAt: string, rootPublicKey: string): Record<string, string> {
  return { station: station.code, stationName: station.name, created: createdAt, root: rootFingerprint(rootPublicKey) };
}

/** The station a package is for, as its labels name it: `蒸淀派出所 310118520000` (older packages carry the code alone). */
export function packageStationLabel(meta: Record<string, string>): string {
  const code = meta['station'] ?? '';
  const name = meta['stationName'] ?? '';
  return name ? `${name} ${code}` : code;
}

/** A short fingerprint of the root key to read aloud or compare with the office's printed sheet. */
export function rootFingerprint(rootPublicKey: string): string {
  return (sha256Hex(hexToBytes(rootPublicKey)).slice(0, 20).toUpperCase().match(/.{4}/g) ?? []).join('-');
}

export type PackageRefusal =
  | 'malformed'
  | 'badRosterSignature'
  | 'rootMismatch'
  | 'stationNotInRoster'
  | 'keyMismatch'
  | 'olderRoster';

export interface VerifiedPackage {
  identity: StationIdentity;
  station: RosterStation;
  roster: Roster;
  signedRoster: SignedRoster;
  rootPublicKey: string;
  stationSecretKey: string;
  exchangeUrl: string | null;
}

export type PackageCheck = { ok: true; value: VerifiedPackage } | { ok: false; reason: PackageRefusal };

export interface PinnedTrust {
  rootPublicKey: string;
  rosterVersion: number;
}

/**
 * Checks an opened package: the roster must be signed by the package's root, and — when this PC already trusts
 * a root (re-provisioning) — that must be the same root, and the roster no older than the one held. The station
 * must be in the roster with exactly the public key of the secret key it is given.
 */
export function verifyPackage(candidate: unknown, pinned: PinnedTrust | null): PackageCheck {
  const parsed = provisioningPackage.safeParse(candidate);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const pkg = parsed.data;
  if (pinned && pinned.rootPublicKey !== pkg.rootPublicKey) return { ok: false, reason: 'rootMismatch' };
  const check = checkRoster(pkg.signedRoster, pkg.rootPublicKey, 0);
  if (!check.ok) return { ok: false, reason: check.reason === 'malformed' ? 'malformed' : 'badRosterSignature' };
  if (pinned && check.roster.version < pinned.rosterVersion) return { ok: false, reason: 'olderRoster' };
  const station = check.roster.stations.find((s) => s.code === pkg.stationCode);
  if (!station) return { ok: false, reason: 'stationNotInRoster' };
  if (bytesToHex(ed25519.getPublicKey(hexToBytes(pkg.stationSecretKey))) !== station.publicKey) return { ok: false, reason: 'keyMismatch' };
  const { code, name, province, districtCode, districtName } = station;
  return {
    ok: true,
    value: {
      identity: { code, name, province, districtCode, districtName, kind: 'provisioned' },
      station,
      roster: check.roster,
      signedRoster: pkg.signedRoster,
      rootPublicKey: pkg.rootPublicKey,
      stationSecretKey: pkg.stationSecretKey,
      exchangeUrl: pkg.exchange?.url ?? null,
    },
  };
}
