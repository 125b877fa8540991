import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hexToBytes } from '@noble/hashes/utils.js';
import { gunzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BUNDLE_MAX_FILE_BYTES, BUNDLE_MAX_INFLATED_BYTES, bundleContent, decodeBundle, signBundle } from '@shared/sync/bundle';
import { canonicalJson } from '@shared/sync/canonical';
import { keyPairFromSeed } from '@shared/sync/keys';

/** docs/protocol-vectors/bundles/vectors.json: what a second implementation's bundle reader is tested against. */
interface Vectors {
  limits: { maxFileBytes: number; maxInflatedBytes: number };
  keys: { sender: { code: string; secretKey: string; publicKey: string }; other: { secretKey: string; publicKey: string } };
  valid: { content: unknown; canonical: string; signature: string; signedCanonical: string; fileBase64: string };
  refused: { name: string; problem: string; fileBase64: string }[];
}

const vectors = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../docs/protocol-vectors/bundles/vectors.json'), 'utf8')) as Vectors;
const bytes = (base64: string) => Uint8Array.from(Buffer.from(base64, 'base64'));
const roster = (code: string) => (code === vectors.keys.sender.code ? vectors.keys.sender.publicKey : undefined);

describe('bundle test vectors', () => {
  it('states the limits the code enforces', () => {
    expect(vectors.limits).toEqual({ maxFileBytes: BUNDLE_MAX_FILE_BYTES, maxInflatedBytes: BUNDLE_MAX_INFLATED_BYTES });
  });

  it('signs the canonical JSON of the content to the stated signature, and reads the stated file', () => {
    expect(keyPairFromSeed(hexToBytes(vectors.keys.sender.secretKey)).publicKey).toBe(vectors.keys.sender.publicKey);
    const content = bundleContent.parse(vectors.valid.content);
    expect(canonicalJson(content)).toBe(vectors.valid.canonical);
    const signed = signBundle(content, vectors.keys.sender.secretKey);
    expect(signed.signature).toBe(vectors.valid.signature);
    expect(canonicalJson(signed)).toBe(vectors.valid.signedCanonical);
    const file = bytes(vectors.valid.fileBase64);
    expect(strFromU8(gunzipSync(file))).toBe(vectors.valid.signedCanonical);
    expect(decodeBundle(file, roster)).toEqual({ ok: true, bundle: signed });
  });

  it.each(vectors.refused)('$name: refused as $problem', ({ fileBase64, problem }) => {
    expect(decodeBundle(bytes(fileBase64), roster)).toEqual({ ok: false, problem });
  });
});
