import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { signedBatch } from '@shared/sync/batch';
import { canonicalJson } from '@shared/sync/canonical';
import { eventContent, eventHash, signEvent, type SignedEvent } from '@shared/sync/event';
import { keyPairFromSeed, verifyCanonical } from '@shared/sync/keys';
import { roster as rosterSchema } from '@shared/sync/roster';
import { verifyIncomingBatch } from '@shared/sync/verify';
import { decodeJsonGzip } from '@shared/sync/wire';
import { SYNC_VECTORS_FILE, syncVectorsText } from '../../../../tools/protocol/sync-vectors';

/** docs/protocol-vectors/sync/vectors.json: what a second implementation's encoder, signer and receiver are tested against. */
interface KeyEntry {
  code?: string;
  secretKey: string;
  publicKey: string;
}
interface Vectors {
  keys: { author: KeyEntry; recipient: KeyEntry; other: KeyEntry };
  roster: unknown;
  canonical: { name: string; json: string; canonical: string }[];
  events: { content: unknown; canonical: string; signature: string; hash: string }[];
  batch: { content: Record<string, unknown>; canonical: string; signature: string; wireBase64: string };
  cursorOnly: { batch: unknown; receivedBy: string };
  refused: { name: string; problem: string; receivedBy: string; batch: unknown }[];
}

const root = resolve(import.meta.dirname, '../../../..');
const text = readFileSync(resolve(root, SYNC_VECTORS_FILE), 'utf8');
const vectors = JSON.parse(text) as Vectors;
const roster = rosterSchema.parse(vectors.roster);

describe('sync test vectors', () => {
  it('are what the code generates (regenerate with npm run protocol:vectors)', () => {
    expect(text).toBe(syncVectorsText());
  });

  it('derive each public key from its seed', () => {
    for (const key of Object.values(vectors.keys)) expect(keyPairFromSeed(hexToBytes(key.secretKey)).publicKey).toBe(key.publicKey);
  });

  it.each(vectors.canonical)('canonical JSON: $name', ({ json, canonical }) => {
    expect(canonicalJson(JSON.parse(json))).toBe(canonical);
  });

  it('signs each event over its canonical content and chains the second to the first', () => {
    const [first, second] = vectors.events;
    for (const v of vectors.events) {
      const content = eventContent.parse(v.content);
      expect(canonicalJson(content)).toBe(v.canonical);
      const signed = signEvent(content, vectors.keys.author.secretKey);
      expect(signed.signature).toBe(v.signature);
      expect(verifyCanonical(content, v.signature, vectors.keys.author.publicKey)).toBe(true);
      expect(eventHash(signed)).toBe(v.hash);
    }
    expect((second?.content as SignedEvent).links[0]?.prev).toBe(first?.hash);
  });

  it('signs the batch over its canonical content, and its wire bytes decode to it and pass every receiving check', async () => {
    expect(canonicalJson(vectors.batch.content)).toBe(vectors.batch.canonical);
    expect(verifyCanonical(vectors.batch.content, vectors.batch.signature, vectors.keys.author.publicKey)).toBe(true);
    const decoded = decodeJsonGzip(Uint8Array.from(Buffer.from(vectors.batch.wireBase64, 'base64')), { canonical: true });
    expect(decoded).toEqual({ ok: true, value: { ...vectors.batch.content, signature: vectors.batch.signature } });
    const check = await verifyIncomingBatch(decoded.ok ? decoded.value : null, vectors.keys.recipient.code ?? '', roster);
    expect(check).toEqual({ ok: true, batch: signedBatch.parse({ ...vectors.batch.content, signature: vectors.batch.signature }) });
  });

  it('accepts the cursor-only answer at the author', async () => {
    expect(await verifyIncomingBatch(vectors.cursorOnly.batch, vectors.cursorOnly.receivedBy, roster)).toMatchObject({ ok: true });
  });

  it.each(vectors.refused)('refuses: $name ($problem)', async ({ batch, receivedBy, problem }) => {
    expect(await verifyIncomingBatch(batch, receivedBy, roster)).toMatchObject({ ok: false, problem });
  });
});
