import { ATTACHMENT_LIMITS } from './limits';

/**
 * A stored file travels as chunk events of at most CHUNK_BYTES each. Base64 makes 160 KiB into 218,456
 * characters, so one chunk event (with its envelope, under 1 KiB) stays below the protocol's BATCH_MAX_BYTES
 * (256 KiB of canonical event bytes, docs/PROTOCOL.md §4) and far below WIRE_MAX_BYTES once gzipped; two do not
 * fit together, so each chunk is one batch, one exchange message (tests/unit/shared/attachments pins this).
 */
export const CHUNK_BYTES = 160 * 1024;

/** Characters of the base64 text of `bytes` bytes (padded). */
export const base64Length = (bytes: number): number => 4 * Math.ceil(bytes / 3);

export const CHUNK_MAX_BASE64 = base64Length(CHUNK_BYTES);

/** How many chunks the largest file allowed needs: the bound on a chunk's index and count. */
export const MAX_CHUNKS = Math.ceil(ATTACHMENT_LIMITS.maxFileBytes / CHUNK_BYTES);

export function chunkCount(size: number): number {
  if (!Number.isSafeInteger(size) || size <= 0) throw new RangeError('a file has at least one byte');
  return Math.ceil(size / CHUNK_BYTES);
}

/** The byte range [start, end) of chunk `index` of a file of `size` bytes. */
export function chunkRange(size: number, index: number): { start: number; end: number } {
  const count = chunkCount(size);
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`chunk ${index} of ${count}`);
  const start = index * CHUNK_BYTES;
  return { start, end: Math.min(size, start + CHUNK_BYTES) };
}

export const chunkLength = (size: number, index: number): number => {
  const { start, end } = chunkRange(size, index);
  return end - start;
};

export function sliceChunk(bytes: Uint8Array, index: number): Uint8Array {
  const { start, end } = chunkRange(bytes.length, index);
  return bytes.subarray(start, end);
}

/** The chunk indexes of a file of `count` chunks not in `held`, ascending. */
export function missingChunks(count: number, held: Iterable<number>): number[] {
  const have = new Set(held);
  const missing: number[] = [];
  for (let index = 0; index < count; index += 1) if (!have.has(index)) missing.push(index);
  return missing;
}

/** The file again from its chunks in index order (each of the length its index implies). */
export function assembleChunks(size: number, chunks: readonly { index: number; data: Uint8Array }[]): Uint8Array {
  const count = chunkCount(size);
  const out = new Uint8Array(size);
  const seen = new Set<number>();
  for (const chunk of chunks) {
    const { start, end } = chunkRange(size, chunk.index);
    if (chunk.data.length !== end - start) throw new RangeError(`chunk ${chunk.index} has ${chunk.data.length} bytes, expected ${end - start}`);
    out.set(chunk.data, start);
    seen.add(chunk.index);
  }
  if (seen.size !== count) throw new RangeError(`${count - seen.size} of ${count} chunks are missing`);
  return out;
}
