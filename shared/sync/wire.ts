import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { canonicalJson } from './canonical';

/**
 * Batches and bundles travel as gzip-compressed canonical JSON. Decoding never throws: a truncated or corrupt
 * message comes back as an error the caller turns into a quarantine reason.
 */
export function encodeJsonGzip(value: unknown): Uint8Array {
  return gzipSync(strToU8(canonicalJson(value)), { level: 6, mtime: 0 });
}

export function decodeJsonGzip(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; reason: 'corrupt' | 'notJson' } {
  let text: string;
  try {
    text = strFromU8(gunzipSync(bytes));
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'notJson' };
  }
}
