/**
 * Which text encoding an export file is in. Chinese government exports are often GBK (GB18030 is its superset, and
 * WHATWG's decoder for gbk is the gb18030 one); newer ones UTF-8, with or without a byte-order mark. A file that is
 * valid UTF-8 is read as UTF-8 (GBK text of any length is almost never valid UTF-8), else as GB18030.
 */
export type ImportEncoding = 'utf-8' | 'gb18030' | 'utf-16le';

const hasUtf8Bom = (b: Uint8Array) => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
const hasUtf16LeBom = (b: Uint8Array) => b.length >= 2 && b[0] === 0xff && b[1] === 0xfe;

/**
 * Strict UTF-8 check (no overlongs, no surrogates, nothing above U+10FFFF). A sequence cut by the end of the
 * sample is accepted: the sample may end mid-character.
 */
export function isValidUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return false;
    if (i + need >= bytes.length) return true;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/** The encoding of a file from its first bytes (64 KiB are plenty: a GBK export has Chinese in its header row). */
export function detectEncoding(sample: Uint8Array): { encoding: ImportEncoding; bom: number } {
  if (hasUtf8Bom(sample)) return { encoding: 'utf-8', bom: 3 };
  if (hasUtf16LeBom(sample)) return { encoding: 'utf-16le', bom: 2 };
  return { encoding: isValidUtf8(sample) ? 'utf-8' : 'gb18030', bom: 0 };
}
