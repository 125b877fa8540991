import { fromBase64, toBase64 } from '../bytes';

/**
 * JSON that keeps what IndexedDB stores and JSON would lose: Dates and binary data come back as Dates and
 * Uint8Arrays (an ArrayBuffer as an ArrayBuffer), so a backup restores the rows exactly. A tagged value is an
 * object with the single key `$yrd`; a real object that happens to use that key is wrapped too.
 */
const TAG = '$yrd';

type Tagged = { [TAG]: 'date' | 'bytes' | 'buffer' | 'object' | 'undefined'; v?: unknown };

export class UnsupportedValueError extends Error {
  constructor(kind: string) {
    super(`cannot back up a value of type ${kind}`);
    this.name = 'UnsupportedValueError';
  }
}

export function toTagged(value: unknown): unknown {
  if (value === undefined) return { [TAG]: 'undefined' };
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') throw new UnsupportedValueError(typeof value);
    return value;
  }
  if (Array.isArray(value)) return value.map(toTagged);
  if (value instanceof Date) return { [TAG]: 'date', v: value.toISOString() };
  if (value instanceof Uint8Array) return { [TAG]: 'bytes', v: toBase64(value) };
  if (value instanceof ArrayBuffer) return { [TAG]: 'buffer', v: toBase64(new Uint8Array(value)) };
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new UnsupportedValueError(value.constructor.name);
  const entries = Object.entries(value).map(([k, v]) => [k, toTagged(v)] as const);
  const plain = Object.fromEntries(entries);
  return TAG in plain ? { [TAG]: 'object', v: plain } : plain;
}

function isTagged(value: object): value is Tagged {
  const keys = Object.keys(value);
  return keys.includes(TAG) && keys.every((k) => k === TAG || k === 'v');
}

export function fromTagged(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(fromTagged);
  if (isTagged(value)) {
    switch (value[TAG]) {
      case 'undefined':
        return undefined;
      case 'date':
        return new Date(String(value.v));
      case 'bytes':
        return fromBase64(String(value.v));
      case 'buffer':
        return fromBase64(String(value.v)).buffer;
      case 'object':
        return fromPlain(value.v as object);
    }
  }
  return fromPlain(value);
}

function fromPlain(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromTagged(v)]));
}
