import { utf8ToBytes } from '@noble/hashes/utils.js';

/** Anything that can be canonically encoded: JSON values with no undefined, NaN or Infinity. */
export type Canonical = null | boolean | number | string | Canonical[] | { [key: string]: Canonical };

/**
 * Canonical JSON (see docs/PROTOCOL.md §Canonical encoding): object keys sorted by UTF-16 code units, no
 * whitespace, undefined members dropped, numbers as JSON.stringify writes them (integers only in our schemas).
 * Signatures and hashes are computed over these bytes, so two stations always agree on what was signed.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical encoding: non-finite number');
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value as Record<string, unknown>);
    default:
      throw new TypeError(`canonical encoding: unsupported ${typeof value}`);
  }
}

function canonicalArray(items: unknown[]): string {
  return `[${items.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
}

function canonicalObject(object: Record<string, unknown>): string {
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
}

export function canonicalBytes(value: unknown): Uint8Array {
  return utf8ToBytes(canonicalJson(value));
}
