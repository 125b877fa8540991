import { z } from 'zod';
import { provinceCode } from '../domain/province';
import { clientVersion } from './client-version';
import { stationCode } from '../domain/station';
import { publicKeyHex, signCanonical, signatureHex, verifyCanonical } from './keys';

/** A neighbour group id (e.g. `wudi-qisuo` 五地七所): stations in one group exchange data. */
export const groupId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'group id: lower-case letters, digits, dashes');

/** One station of the trust roster. */
export const rosterStation = z.object({
  code: stationCode,
  name: z.string().min(2).max(40),
  province: provinceCode,
  districtCode: z.string().regex(/^\d{6}$/),
  districtName: z.string().min(2).max(20),
  /** The station's Ed25519 public key (hex); it signs events and batches and is also its exchange NKey. */
  publicKey: publicKeyHex,
  groups: z.array(groupId).max(20),
});
export type RosterStation = z.infer<typeof rosterStation>;

export const rosterGroup = z.object({ id: groupId, name: z.string().min(1).max(40) });
export type RosterGroup = z.infer<typeof rosterGroup>;

/** 信任名册: issued by the integration office (区域一体化办公室), signed with its root key. */
export const roster = z
  .object({
    /** Strictly increasing; a station accepts only a newer version. */
    version: z.number().int().positive(),
    issuedAt: z.iso.datetime(),
    issuer: z.string().min(1).max(60),
    groups: z.array(rosterGroup).max(200),
    stations: z.array(rosterStation).min(1).max(5000),
    /**
     * Optional, so rosters signed before it existed still verify: the signature covers the canonical JSON, which
     * leaves out absent members (docs/PROTOCOL.md). Stations below it show who to ask (shared/sync/client-version.ts).
     */
    minClientVersion: clientVersion.optional(),
    /** Who installs the new MSI, shown with minClientVersion (e.g. 区域一体化办公室运维组 电话 …). */
    // No transform (no trim) in a signed schema: what is parsed must be exactly what was signed.
    upgradeContact: z
      .string()
      .min(1)
      .max(120)
      .refine((s) => s.trim() === s && ![...s].some((c) => c.charCodeAt(0) < 0x20), 'no surrounding spaces or control characters')
      .optional(),
  })
  .refine((r) => new Set(r.stations.map((s) => s.code)).size === r.stations.length, 'duplicate station code');
export type Roster = z.infer<typeof roster>;

export const signedRoster = z.object({ roster, signature: signatureHex });
export type SignedRoster = z.infer<typeof signedRoster>;

export function signRoster(content: Roster, rootSecretKey: string): SignedRoster {
  return { roster: content, signature: signCanonical(content, rootSecretKey) };
}

export type RosterCheck = { ok: true; roster: Roster } | { ok: false; reason: 'malformed' | 'badSignature' | 'notNewer' };

/**
 * Accepts a roster only when it parses, is signed by the pinned root key and is newer than the one we hold.
 */
export function checkRoster(candidate: unknown, rootPublicKey: string, currentVersion = 0): RosterCheck {
  const parsed = signedRoster.safeParse(candidate);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  if (!verifyCanonical(parsed.data.roster, parsed.data.signature, rootPublicKey)) return { ok: false, reason: 'badSignature' };
  if (parsed.data.roster.version <= currentVersion) return { ok: false, reason: 'notNewer' };
  return { ok: true, roster: parsed.data.roster };
}

/** Stations sharing at least one neighbour group with `code` (not `code` itself). */
export function neighboursOf(content: Roster, code: string): RosterStation[] {
  const self = content.stations.find((s) => s.code === code);
  if (!self) return [];
  const groups = new Set(self.groups);
  return content.stations.filter((s) => s.code !== code && s.groups.some((g) => groups.has(g)));
}

export function areNeighbours(content: Roster, a: string, b: string): boolean {
  return neighboursOf(content, a).some((s) => s.code === b);
}
