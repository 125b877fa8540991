/**
 * The primitives of the statement's binary layout (docs/verify.md §3). All integers are unsigned, big-endian.
 * - `code`: a document number over CODE_ALPHABET (40 characters): a length byte L, then ceil(L/3) u16 groups,
 *   each `a·1600 + b·40 + c` for three characters; the last group is padded with index 0 (`0`).
 * - `text`: a length byte N (UTF-16 code units, ≤ 255), then N code units, u16 big-endian (UTF-16BE). Chinese
 *   names take 2 bytes per character instead of UTF-8's 3.
 * - `day`: u16 days since 2000-01-01 (a calendar date, Beijing time by convention).
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-./_';
const CODE_VALUES = new Map([...CODE_ALPHABET].map((c, i) => [c, i]));

const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(2000, 0, 1);
export const MAX_DAY = 0xffff;

export class MalformedStatement extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedStatement';
  }
}

export function isCodeText(value: string): boolean {
  return value.length <= 255 && [...value].every((c) => CODE_VALUES.has(c));
}

/** YYYY-MM-DD → days since 2000-01-01; null when not a real date in range. */
export function dayNumber(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  const n = (ms - EPOCH_MS) / DAY_MS;
  return n >= 0 && n <= MAX_DAY ? n : null;
}

export function dayString(n: number): string {
  return new Date(EPOCH_MS + n * DAY_MS).toISOString().slice(0, 10);
}

export class ByteWriter {
  private readonly bytes: number[] = [];

  u8(n: number): this {
    if (!Number.isInteger(n) || n < 0 || n > 0xff) throw new RangeError(`u8 out of range: ${n}`);
    this.bytes.push(n);
    return this;
  }

  /** Unsigned big-endian integer of `size` bytes (≤ 6, so it stays exact in a double). */
  uint(n: number, size: number): this {
    if (!Number.isSafeInteger(n) || n < 0 || n >= 2 ** (8 * size)) throw new RangeError(`u${8 * size} out of range: ${n}`);
    for (let i = size - 1; i >= 0; i -= 1) this.bytes.push(Math.floor(n / 2 ** (8 * i)) % 256);
    return this;
  }

  u16(n: number): this {
    return this.uint(n, 2);
  }

  raw(bytes: Uint8Array): this {
    bytes.forEach((b) => this.bytes.push(b));
    return this;
  }

  day(date: string): this {
    const n = dayNumber(date);
    if (n === null) throw new RangeError(`not a date in range: ${date}`);
    return this.u16(n);
  }

  code(value: string): this {
    if (!isCodeText(value)) throw new RangeError(`not a document code: ${value}`);
    this.u8(value.length);
    for (let i = 0; i < value.length; i += 3) {
      const [a, b, c] = [0, 1, 2].map((k) => CODE_VALUES.get(value.charAt(i + k)) ?? 0) as [number, number, number];
      this.u16(a * 1600 + b * 40 + c);
    }
    return this;
  }

  text(value: string): this {
    if (value.length > 255) throw new RangeError('text longer than 255 code units');
    this.u8(value.length);
    for (let i = 0; i < value.length; i += 1) this.u16(value.charCodeAt(i));
    return this;
  }

  get length(): number {
    return this.bytes.length;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export class ByteReader {
  private offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get position(): number {
    return this.offset;
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  u8(): number {
    if (this.offset >= this.bytes.length) throw new MalformedStatement('truncated');
    return this.bytes[this.offset++] as number;
  }

  uint(size: number): number {
    let n = 0;
    for (let i = 0; i < size; i += 1) n = n * 256 + this.u8();
    return n;
  }

  u16(): number {
    return this.uint(2);
  }

  raw(size: number): Uint8Array {
    if (this.remaining < size) throw new MalformedStatement('truncated');
    const out = this.bytes.slice(this.offset, this.offset + size);
    this.offset += size;
    return out;
  }

  day(): string {
    return dayString(this.u16());
  }

  code(): string {
    const length = this.u8();
    let out = '';
    for (let i = 0; i < length; i += 3) {
      const n = this.u16();
      if (n >= 64_000) throw new MalformedStatement('code group out of range');
      const chars = [Math.floor(n / 1600), Math.floor(n / 40) % 40, n % 40];
      const used = Math.min(3, length - i);
      // Padding positions must be index 0, so every number has exactly one encoding.
      if (chars.slice(used).some((c) => c !== 0)) throw new MalformedStatement('code padding');
      out += chars.slice(0, used).map((c) => CODE_ALPHABET.charAt(c)).join('');
    }
    return out;
  }

  text(): string {
    const length = this.u8();
    const units: number[] = [];
    for (let i = 0; i < length; i += 1) units.push(this.u16());
    const value = String.fromCharCode(...units);
    if (!isWellFormed(value)) throw new MalformedStatement('text is not well-formed UTF-16');
    return value;
  }
}

/** No lone surrogates (String.prototype.isWellFormed is ES2024). */
export function isWellFormed(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i += 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}
