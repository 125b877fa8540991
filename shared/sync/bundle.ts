import { z } from 'zod';
import { stationCode } from '../domain/station';
import { signedBatch } from './batch';
import { ulidString } from './event';
import { signCanonical, signatureHex, verifyCanonical } from './keys';
import { decodeJsonGzip, encodeJsonGzip } from './wire';

export const BUNDLE_FORMAT = 'yrd-sync-bundle';
export const BUNDLE_VERSION = 1;
export const BUNDLE_EXTENSION = 'yrdsync';
/** A bundle file larger than this is refused before any work (docs/PROTOCOL.md §Bundle). */
export const BUNDLE_MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Inflated, a bundle's canonical JSON is at most this long: inflation stops here, before any parsing. */
export const BUNDLE_MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** 离线同步包: pending batches of one station for one or more peers, carried on a USB stick (docs/PROTOCOL.md §Bundle). */
export const bundleContent = z.object({
  format: z.literal(BUNDLE_FORMAT),
  v: z.literal(BUNDLE_VERSION),
  id: ulidString,
  from: stationCode,
  createdAt: z.iso.datetime(),
  batches: z.array(signedBatch).max(10_000),
});
export type BundleContent = z.infer<typeof bundleContent>;

export const signedBundle = bundleContent.extend({ signature: signatureHex });
export type SignedBundle = z.infer<typeof signedBundle>;

export function signBundle(content: BundleContent, secretKey: string): SignedBundle {
  return { ...content, signature: signCanonical(content, secretKey) };
}

export function encodeBundle(bundle: SignedBundle): Uint8Array {
  return encodeJsonGzip(bundle);
}

export type BundleProblem = 'corrupt' | 'notBundle' | 'unsupportedVersion' | 'unknownStation' | 'badSignature' | 'tooLarge';

/**
 * Reads and authenticates a bundle file; `publicKeyOf` looks the sender up in the trust roster. Size first: the
 * file's, then inflation streamed with an output cap — a gzip bomb is refused as `tooLarge` having cost at most the
 * cap, before anything is parsed.
 */
export function decodeBundle(
  bytes: Uint8Array,
  publicKeyOf: (code: string) => string | undefined,
): { ok: true; bundle: SignedBundle } | { ok: false; problem: BundleProblem } {
  if (bytes.length > BUNDLE_MAX_FILE_BYTES) return { ok: false, problem: 'tooLarge' };
  const decoded = decodeJsonGzip(bytes, { maxBytes: BUNDLE_MAX_INFLATED_BYTES });
  if (!decoded.ok) return { ok: false, problem: decoded.reason === 'corrupt' || decoded.reason === 'tooLarge' ? decoded.reason : 'notBundle' };
  const header = z.object({ format: z.literal(BUNDLE_FORMAT), v: z.number() }).safeParse(decoded.value);
  if (!header.success) return { ok: false, problem: 'notBundle' };
  if (header.data.v !== BUNDLE_VERSION) return { ok: false, problem: 'unsupportedVersion' };
  const parsed = signedBundle.safeParse(decoded.value);
  if (!parsed.success) return { ok: false, problem: 'notBundle' };
  const key = publicKeyOf(parsed.data.from);
  if (!key) return { ok: false, problem: 'unknownStation' };
  const { signature, ...content } = parsed.data;
  if (!verifyCanonical(content, signature, key)) return { ok: false, problem: 'badSignature' };
  return { ok: true, bundle: parsed.data };
}
