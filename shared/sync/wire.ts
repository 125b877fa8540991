import { Gunzip, gzipSync, strFromU8, strToU8 } from 'fflate';
import { canonicalJson } from './canonical';

/**
 * Batches and bundles travel as gzip-compressed canonical JSON. Decoding never throws: a truncated or corrupt
 * message comes back as an error the caller turns into a quarantine reason.
 */
export function encodeJsonGzip(value: unknown): Uint8Array {
  return gzipSync(strToU8(canonicalJson(value)), { level: 6, mtime: 0 });
}

/** Inflates at most `maxBytes`, in chunks, stopping as soon as the output passes it (a gzip bomb costs nothing). */
function gunzipBounded(bytes: Uint8Array, maxBytes: number): Uint8Array | 'tooLarge' {
  if (bytes.length < 18 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new Error('not gzip');
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let ended = false;
  const inflater = new Gunzip((chunk, final) => {
    ended ||= final;
    total += chunk.length;
    if (total > maxBytes) over = true;
    else chunks.push(chunk);
  });
  // Feed the input in slices so an oversized output is noticed early rather than after inflating it all.
  const slice = 16 * 1024;
  for (let at = 0; at < bytes.length && !over; at += slice) inflater.push(bytes.subarray(at, at + slice), at + slice >= bytes.length);
  if (over) return 'tooLarge';
  // A truncated stream may never end, or end early: the trailer's ISIZE (length mod 2^32) must match what came out.
  if (!ended) throw new Error('truncated gzip');
  const end = bytes.length;
  const isize = ((bytes[end - 4] ?? 0) | ((bytes[end - 3] ?? 0) << 8) | ((bytes[end - 2] ?? 0) << 16) | ((bytes[end - 1] ?? 0) << 24)) >>> 0;
  if (isize !== total >>> 0) throw new Error('truncated gzip');
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export type DecodeProblem = 'corrupt' | 'notJson' | 'tooLarge' | 'notCanonical';

/**
 * Decodes gzip'd JSON. `maxBytes` bounds the inflated size (batches pass theirs; unbounded by default);
 * `canonical` additionally requires the text to be exactly the canonical encoding of what it parses to.
 */
export function decodeJsonGzip(bytes: Uint8Array, options: { maxBytes?: number; canonical?: boolean } = {}): { ok: true; value: unknown } | { ok: false; reason: DecodeProblem } {
  let text: string;
  try {
    const inflated = gunzipBounded(bytes, options.maxBytes ?? Number.POSITIVE_INFINITY);
    if (inflated === 'tooLarge') return { ok: false, reason: 'tooLarge' };
    text = strFromU8(inflated);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, reason: 'notJson' };
  }
  if (options.canonical && !isCanonicalText(text, value)) return { ok: false, reason: 'notCanonical' };
  return { ok: true, value };
}

function isCanonicalText(text: string, value: unknown): boolean {
  try {
    return canonicalJson(value) === text;
  } catch {
    return false;
  }
}
