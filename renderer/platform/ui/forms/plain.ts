import { toRaw, unref } from 'vue';

/**
 * Form models are plain data (strings, numbers, booleans, null, arrays, plain objects, the odd Date). These two
 * helpers copy and compare such data deeply, through Vue's reactive proxies, without JSON round trips (which drop
 * `undefined`, turn Dates into strings and depend on key order).
 */
export function clonePlain<T>(value: T): T {
  return copy(unref(value)) as T;
}

function copy(value: unknown): unknown {
  const raw: unknown = toRaw(value);
  if (raw === null || typeof raw !== 'object') return raw;
  if (raw instanceof Date) return new Date(raw.getTime());
  if (Array.isArray(raw)) return raw.map(copy);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(raw)) out[key] = copy(item);
  return out;
}

/**
 * Deep equality of plain data; key order does not matter, a missing key equals `undefined`. Reads through reactive
 * proxies (no `toRaw`), so a computed that compares tracks every property it read.
 */
export function equalPlain(x: unknown, y: unknown): boolean {
  if (Object.is(x, y)) return true;
  if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return false;
  if (x instanceof Date || y instanceof Date) return x instanceof Date && y instanceof Date && x.getTime() === y.getTime();
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    return x.every((item, i) => equalPlain(item, y[i]));
  }
  const left = x as Record<string, unknown>;
  const right = y as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!equalPlain(left[key], right[key])) return false;
  return true;
}
