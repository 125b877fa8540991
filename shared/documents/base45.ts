/**
 * Base45 (RFC 9285): two bytes become three characters of the QR alphanumeric set, so a QR code can carry binary data
 * in alphanumeric mode (5.5 bits per character). A trailing single byte becomes two characters.
 */
export const BASE45_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

const VALUES = new Map([...BASE45_ALPHABET].map((c, i) => [c, i]));

export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = (bytes[i] as number) * 256 + (bytes[i + 1] as number);
    const c = n % 45;
    n = (n - c) / 45;
    const d = n % 45;
    const e = (n - d) / 45;
    out += BASE45_ALPHABET.charAt(c) + BASE45_ALPHABET.charAt(d) + BASE45_ALPHABET.charAt(e);
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1] as number;
    out += BASE45_ALPHABET.charAt(n % 45) + BASE45_ALPHABET.charAt(Math.floor(n / 45));
  }
  return out;
}

/** Null for text that is not valid base45 (a character outside the alphabet, a stray character, a value too large). */
export function base45Decode(text: string): Uint8Array | null {
  if (text.length % 3 === 1) return null;
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  for (let i = 0; i < text.length; i += 3) {
    const chunk = text.slice(i, i + 3);
    const digits = [...chunk].map((c) => VALUES.get(c));
    if (digits.some((d) => d === undefined)) return null;
    const [c, d, e] = digits as number[];
    if (chunk.length === 3) {
      const n = (c as number) + (d as number) * 45 + (e as number) * 2025;
      if (n > 0xffff) return null;
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      const n = (c as number) + (d as number) * 45;
      if (n > 0xff) return null;
      out[o++] = n;
    }
  }
  return out;
}
