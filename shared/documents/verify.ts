import { verifyBytes } from '../sync/keys';
import type { RosterStation } from '../sync/roster';
import { decodeDocument, type DecodeFailure } from './codec';
import { documentKey, revocationBody, revocationDocumentKey, verifyRevocation, type DocumentRevocation, type SignedRevocation } from './revocation';
import type { Statement } from './statement';

/**
 * 核验: what a QR text proves, offline, from the roster and the revocation list alone. Verdict codes only; the UI
 * (and tools/verify-document.ts) turn them into words.
 *   genuine        signed by the issuing station's key, not expired, not revoked
 *   altered        not a document text, malformed, or the signature does not verify (`reason` says which)
 *   unknownIssuer  well-formed, but the issuing station is not on the roster: cannot be checked
 *   expired        genuine but past its last day of validity (Beijing calendar)
 *   revoked        genuine but revoked by its issuing station (takes precedence over expired)
 */
export type Verdict = 'genuine' | 'altered' | 'unknownIssuer' | 'expired' | 'revoked';
export type AlteredReason = DecodeFailure | 'badSignature';

/** The roster's stations (the verifier has already accepted the roster: checkRoster against the pinned root). */
export interface RosterLike {
  stations: readonly RosterStation[];
}

export interface VerifyOptions {
  roster: RosterLike;
  /**
   * Older rosters, for documents signed before their station's key was rotated. Such a document verifies with
   * `issuerKey: 'previous'`: the UI should say so, since a key is often rotated because it was lost.
   */
  previousRosters?: readonly RosterLike[];
  revocations?: readonly SignedRevocation[];
  /** The moment the document is checked for (now, or a past moment a court asks about). */
  now: Date;
}

export interface Verification {
  verdict: Verdict;
  /** Why `altered`; null otherwise. */
  reason: AlteredReason | null;
  /**
   * The decoded facts: present whenever the text decodes, including `unknownIssuer` and a bad signature, where they
   * are only what the code claims. Trust them only when `factsVerified`.
   */
  statement: Statement | null;
  /** The signature verified with the issuing station's key (genuine, expired or revoked). */
  factsVerified: boolean;
  /** The issuing station as the roster lists it. */
  issuer: RosterStation | null;
  issuerKey: 'current' | 'previous' | null;
  /** The issuing station's revocation, when revoked. */
  revocation: DocumentRevocation | null;
  /** The Beijing calendar date validity was judged on. */
  checkedOn: string;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

export function beijingDay(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

function stationKeys(code: string, options: VerifyOptions): { current: RosterStation | null; previous: string[] } {
  const current = options.roster.stations.find((s) => s.code === code) ?? null;
  const previous = new Set<string>();
  for (const roster of options.previousRosters ?? []) {
    const s = roster.stations.find((st) => st.code === code);
    if (s && s.publicKey !== current?.publicKey) previous.add(s.publicKey);
  }
  return { current, previous: [...previous] };
}

/** The first valid revocation of this document effective at `now`, signed with one of the issuer's keys. */
export function findRevocation(statement: Statement, revocations: readonly SignedRevocation[], keys: readonly string[], now: Date): DocumentRevocation | null {
  const key = documentKey(statement);
  for (const r of revocations) {
    if (revocationDocumentKey(r) !== key || Date.parse(r.revokedAt) > now.getTime()) continue;
    if (keys.some((k) => verifyRevocation(r, k))) return revocationBody(r);
  }
  return null;
}

export function verifyDocument(text: string, options: VerifyOptions): Verification {
  const checkedOn = beijingDay(options.now);
  const base = { statement: null, factsVerified: false, issuer: null, issuerKey: null, revocation: null, checkedOn };
  const decoded = decodeDocument(text);
  if (!decoded.ok) return { ...base, verdict: 'altered', reason: decoded.reason };
  const { statement, message, signature } = decoded;
  const { current, previous } = stationKeys(statement.issuingStation, options);
  if (!current && previous.length === 0) return { ...base, verdict: 'unknownIssuer', reason: null, statement };
  let issuerKey: 'current' | 'previous' | null = null;
  if (current && verifyBytes(signature, message, current.publicKey)) issuerKey = 'current';
  else if (previous.some((k) => verifyBytes(signature, message, k))) issuerKey = 'previous';
  if (!current) return { ...base, verdict: issuerKey ? 'unknownIssuer' : 'altered', reason: issuerKey ? null : 'badSignature', statement };
  if (!issuerKey) return { ...base, verdict: 'altered', reason: 'badSignature', statement, issuer: current };
  const verified = { ...base, reason: null, statement, factsVerified: true, issuer: current, issuerKey };
  const keys = [current.publicKey, ...previous];
  const revocation = findRevocation(statement, options.revocations ?? [], keys, options.now);
  if (revocation) return { ...verified, verdict: 'revoked', revocation };
  if (statement.validUntil !== null && statement.validUntil < checkedOn) return { ...verified, verdict: 'expired' };
  return { ...verified, verdict: 'genuine' };
}
