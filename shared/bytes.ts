import { base64 } from '@scure/base';
import { strFromU8, strToU8 } from 'fflate';

/**
 * The one byte codec of the project (renderer, shared, tools): base64 through @scure/base (the browser's native
 * Uint8Array.fromBase64 where it exists), UTF-8 through fflate. shared/ may use neither Buffer nor atob.
 */
export function toBase64(bytes: Uint8Array): string {
  return base64.encode(bytes);
}

export class Base64Error extends Error {
  constructor() {
    super('invalid base64');
    this.name = 'Base64Error';
  }
}

/** Strict RFC 4648 (padded); anything else is a Base64Error. The result owns a fresh ArrayBuffer. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  try {
    return base64.decode(text) as Uint8Array<ArrayBuffer>;
  } catch {
    throw new Base64Error();
  }
}

export const utf8 = (text: string): Uint8Array => strToU8(text);
export const fromUtf8 = (bytes: Uint8Array): string => strFromU8(bytes);
