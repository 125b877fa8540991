import { strFromU8, strToU8 } from 'fflate';

/**
 * Byte helpers for files that travel as JSON text (packages, backups). Node 20 and older browsers lack
 * Uint8Array.toBase64, and shared/ may use neither Buffer nor atob, so the codec is here, once.
 */
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const lookup = new Map([...alphabet].map((c, i) => [c, i]));

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    const left = bytes.length - i;
    parts.push(
      alphabet.charAt((n >> 18) & 63) +
        alphabet.charAt((n >> 12) & 63) +
        (left > 1 ? alphabet.charAt((n >> 6) & 63) : '=') +
        (left > 2 ? alphabet.charAt(n & 63) : '='),
    );
  }
  return parts.join('');
}

export class Base64Error extends Error {
  constructor() {
    super('invalid base64');
    this.name = 'Base64Error';
  }
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new Base64Error();
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j += 1) n = (n << 6) | (lookup.get(text.charAt(i + j)) ?? 0);
    for (const shift of [16, 8, 0]) {
      if (o < out.length) out[o++] = (n >> shift) & 255;
    }
  }
  return out;
}

export const utf8 = (text: string): Uint8Array => strToU8(text);
export const fromUtf8 = (bytes: Uint8Array): string => strFromU8(bytes);
