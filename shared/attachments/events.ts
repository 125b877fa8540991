import { z } from 'zod';
import { fileId } from './ids';
import { hashHex } from '../sync/keys';
import { CHUNK_MAX_BASE64, MAX_CHUNKS, chunkCount } from './chunks';
import { ATTACHMENT_LIMITS } from './limits';

/**
 * `attachment.requested` (附件索取): a recipient of a ref asks the station holding the file for the chunks it still
 * lacks, to that station only; aggregate id = the file id. Naming the file's sha256 is the proof that the asker
 * was given the ref. `missing`: ascending chunk indexes, each below the file's chunk count — after a broken link
 * only what has not arrived, never the whole file again.
 */
export const attachmentRequested = z
  .object({
    fileId,
    sha256: hashHex,
    size: z.number().int().positive().max(ATTACHMENT_LIMITS.maxFileBytes),
    missing: z.array(z.number().int().nonnegative().max(MAX_CHUNKS - 1)).min(1).max(MAX_CHUNKS),
  })
  .refine((p) => p.missing.every((index, at) => index < chunkCount(p.size) && (at === 0 || index > (p.missing[at - 1] ?? -1))), {
    message: 'missing: ascending, unique, each below the chunk count',
    path: ['missing'],
  });

/**
 * `attachment.chunk` (附件分片): one chunk of a stored file, from the station holding it to the one that asked,
 * only; aggregate id = the file id. `data` is the chunk's bytes in base64 (at most CHUNK_BYTES); `count` and
 * `sha256` are the file's, so the receiver checks each chunk against the ref it holds before storing it.
 */
export const attachmentChunk = z
  .object({
    fileId,
    sha256: hashHex,
    index: z.number().int().nonnegative().max(MAX_CHUNKS - 1),
    count: z.number().int().positive().max(MAX_CHUNKS),
    data: z
      .string()
      .min(4)
      .max(CHUNK_MAX_BASE64)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
  })
  .refine((p) => p.index < p.count, { message: 'index below count', path: ['index'] });

export const attachmentEvents = {
  'attachment.requested': attachmentRequested,
  'attachment.chunk': attachmentChunk,
} as const;

export type AttachmentRequestedPayload = z.infer<typeof attachmentRequested>;
export type AttachmentChunkPayload = z.infer<typeof attachmentChunk>;
