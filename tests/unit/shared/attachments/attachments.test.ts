import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import {
  ATTACHMENT_LIMITS,
  CHUNK_BYTES,
  CHUNK_MAX_BASE64,
  MAX_CHUNKS,
  THUMBNAIL_MAX_CHARS,
  assembleChunks,
  attachmentChunk,
  attachmentRef,
  attachmentRefs,
  attachmentRequested,
  chunkCount,
  chunkLength,
  chunkRange,
  fitWithin,
  missingChunks,
  refuseAddition,
  sliceChunk,
} from '@shared/attachments';
import { toBase64 } from '@shared/bytes';
import { canonicalBytes } from '@shared/sync/canonical';
import { BATCH_MAX_BYTES, WIRE_MAX_BYTES, signBatch } from '@shared/sync/batch';
import { DEMO_STATIONS, demoStationKey } from '@shared/demo/demo-network';
import { GENESIS_HASH, PROTOCOL_VERSION, signEvent } from '@shared/sync/event';
import { sha256Hex } from '@shared/sync/keys';
import { encodeJsonGzip } from '@shared/sync/wire';

const MIB = 1024 * 1024;
const OWNER = DEMO_STATIONS.zhapu;
const ASKER = DEMO_STATIONS.lvxiang;

/** Bytes that do not compress, as a JPEG's do not. */
function noise(size: number, seed = 1): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const ref = (over: Partial<Record<string, unknown>> = {}) => ({
  id: ulid(),
  name: '嫌疑人照片.jpg',
  mime: 'image/jpeg',
  size: 2 * MIB,
  sha256: 'a'.repeat(64),
  thumbnail: `data:image/jpeg;base64,${toBase64(noise(300))}`,
  ownerStation: OWNER,
  ...over,
});

describe('shrinking limits', () => {
  it('fits the long side within 1920 px, keeping the aspect, never enlarging', () => {
    expect(fitWithin(4000, 3000, 1920)).toEqual({ width: 1920, height: 1440 });
    expect(fitWithin(3000, 4000, 1920)).toEqual({ width: 1440, height: 1920 });
    expect(fitWithin(1000, 500, 1920)).toEqual({ width: 1000, height: 500 });
    expect(fitWithin(20000, 3, 1920)).toEqual({ width: 1920, height: 1 });
    expect(() => fitWithin(0, 10, 1920)).toThrow(RangeError);
  });

  it('refuses a file over the cap, the tenth file, and a total over 20 MiB, with the limit', () => {
    expect(refuseAddition([], 5 * MIB)).toBeNull();
    expect(refuseAddition([], 5 * MIB + 1)).toEqual({ code: 'fileTooLarge', limit: ATTACHMENT_LIMITS.maxFileBytes });
    expect(refuseAddition(Array.from({ length: 9 }, () => ({ size: 1 })), 1)).toEqual({ code: 'tooManyFiles', limit: 9 });
    expect(refuseAddition(Array.from({ length: 4 }, () => ({ size: 5 * MIB })), 1)).toEqual({ code: 'totalTooLarge', limit: 20 * MIB });
    expect(refuseAddition([], 0)?.code).toBe('emptyFile');
  });

  it('checks refs as a receiver would: size, thumbnail size, count and total', () => {
    expect(attachmentRef.safeParse(ref()).success).toBe(true);
    expect(attachmentRef.safeParse(ref({ thumbnail: '' })).success).toBe(true);
    expect(attachmentRef.safeParse(ref({ size: 5 * MIB + 1 })).success).toBe(false);
    expect(attachmentRef.safeParse(ref({ thumbnail: `data:image/jpeg;base64,${'A'.repeat(THUMBNAIL_MAX_CHARS)}` })).success).toBe(false);
    expect(attachmentRef.safeParse(ref({ thumbnail: 'data:image/png;base64,AAAA' })).success).toBe(false);
    expect(attachmentRef.safeParse(ref({ name: 'a\u0000b' })).success).toBe(false);
    expect(attachmentRefs.safeParse(Array.from({ length: 9 }, () => ref({ size: 2 * MIB }))).success).toBe(true);
    expect(attachmentRefs.safeParse(Array.from({ length: 10 }, () => ref({ size: 1 }))).success).toBe(false);
    expect(attachmentRefs.safeParse(Array.from({ length: 5 }, () => ref({ size: 5 * MIB }))).success).toBe(false);
    const one = ref();
    expect(attachmentRefs.safeParse([one, one]).success).toBe(false);
  });
});

describe('chunk maths', () => {
  it('cuts a file into 160 KiB chunks, the last one shorter', () => {
    expect(CHUNK_BYTES).toBe(160 * 1024);
    expect(chunkCount(1)).toBe(1);
    expect(chunkCount(CHUNK_BYTES)).toBe(1);
    expect(chunkCount(CHUNK_BYTES + 1)).toBe(2);
    expect(chunkCount(2 * MIB)).toBe(13);
    expect(chunkCount(ATTACHMENT_LIMITS.maxFileBytes)).toBe(MAX_CHUNKS);
    expect(chunkRange(2 * MIB, 12)).toEqual({ start: 12 * CHUNK_BYTES, end: 2 * MIB });
    expect(chunkLength(2 * MIB, 12)).toBe(2 * MIB - 12 * CHUNK_BYTES);
    expect(() => chunkRange(2 * MIB, 13)).toThrow(RangeError);
    expect(() => chunkCount(0)).toThrow(RangeError);
  });

  it('lists what is missing and assembles the file in any arrival order', () => {
    expect(missingChunks(5, [0, 3])).toEqual([1, 2, 4]);
    expect(missingChunks(3, [0, 1, 2])).toEqual([]);
    const file = noise(2 * MIB + 17);
    const count = chunkCount(file.length);
    const chunks = Array.from({ length: count }, (_, index) => ({ index, data: sliceChunk(file, index) })).reverse();
    const whole = assembleChunks(file.length, chunks);
    expect(sha256Hex(whole)).toBe(sha256Hex(file));
    expect(() => assembleChunks(file.length, chunks.slice(1))).toThrow(/missing/);
    expect(() => assembleChunks(file.length, [{ index: 0, data: new Uint8Array(5) }])).toThrow(/expected/);
  });

  it('bounds the events: a request names only indexes below the count, a chunk at most 160 KiB', () => {
    const request = { fileId: ulid(), sha256: 'b'.repeat(64), size: 2 * MIB, missing: [0, 5, 12] };
    expect(attachmentRequested.safeParse(request).success).toBe(true);
    expect(attachmentRequested.safeParse({ ...request, missing: [13] }).success).toBe(false);
    expect(attachmentRequested.safeParse({ ...request, missing: [5, 0] }).success).toBe(false);
    expect(attachmentRequested.safeParse({ ...request, missing: [5, 5] }).success).toBe(false);
    expect(attachmentRequested.safeParse({ ...request, missing: [] }).success).toBe(false);
    const chunk = { fileId: ulid(), sha256: 'b'.repeat(64), index: 0, count: 13, data: toBase64(noise(CHUNK_BYTES)) };
    expect(attachmentChunk.safeParse(chunk).success).toBe(true);
    expect(attachmentChunk.safeParse({ ...chunk, data: toBase64(noise(CHUNK_BYTES + 3)) }).success).toBe(false);
    expect(attachmentChunk.safeParse({ ...chunk, index: 13 }).success).toBe(false);
    expect(attachmentChunk.safeParse({ ...chunk, count: MAX_CHUNKS + 1, index: 0 }).success).toBe(false);
  });
});

describe('a chunk event against the protocol bounds (docs/PROTOCOL.md §4)', () => {
  const key = demoStationKey(OWNER);
  const chunkEvent = (index: number, seq: number) =>
    signEvent(
      {
        v: PROTOCOL_VERSION,
        id: ulid(),
        type: 'attachment.chunk',
        aggregateId: ulid(),
        authorStation: OWNER,
        authorOfficer: '330000:system',
        hlc: '1767225600000-0001',
        recipients: [ASKER],
        links: [{ to: ASKER, seq, prev: GENESIS_HASH }],
        payload: { fileId: ulid(), sha256: 'c'.repeat(64), index, count: MAX_CHUNKS, data: toBase64(noise(CHUNK_BYTES, index + 2)) },
      },
      key.secretKey,
    );

  it('a full chunk fits BATCH_MAX_BYTES alone, two do not, and its exchange message is far below WIRE_MAX_BYTES', () => {
    const one = chunkEvent(0, 1);
    const size = canonicalBytes(one).length;
    expect(CHUNK_MAX_BASE64).toBe(218_456);
    expect(size).toBeLessThanOrEqual(BATCH_MAX_BYTES);
    expect(2 * size).toBeGreaterThan(BATCH_MAX_BYTES);
    const batch = signBatch({ v: PROTOCOL_VERSION, id: ulid(), from: OWNER, to: ASKER, createdAt: new Date().toISOString(), events: [one] }, key.secretKey);
    expect(encodeJsonGzip(batch).length).toBeLessThan(WIRE_MAX_BYTES / 4);
  });
});
