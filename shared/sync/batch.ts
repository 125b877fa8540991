import { z } from 'zod';
import { stationCode } from '../domain/station';
import { PROTOCOL_VERSION, signedEvent, ulidString } from './event';
import { hashHex, signCanonical, signatureHex, verifyCanonical } from './keys';

/** Outbox bounds: a batch never holds more than this many events or (canonical) bytes. */
export const BATCH_MAX_EVENTS = 500;
export const BATCH_MAX_BYTES = 256 * 1024;

/** The exchange refuses larger messages; a receiver refuses them before decompressing further. */
export const WIRE_MAX_BYTES = 1024 * 1024;

/**
 * A receipt (docs/PROTOCOL.md §Cursors): how far the batch's sender has applied the events that `to` wrote for it.
 * `applied` is the highest contiguous position of the pair to → from (seq and chain hash, seq 0 = nothing yet);
 * `highest` the highest position it holds at all (waiting ones included). `resend` asks `to` to send again, now,
 * everything after `applied` (an admin's request, or a station that was just restored).
 */
const streamPosition = z.object({ seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), hash: hashHex });
export const batchCursor = z.object({
  applied: streamPosition,
  highest: streamPosition,
  resend: z.boolean().optional(),
});
export type BatchCursor = z.infer<typeof batchCursor>;

/** A station's batch of events for one recipient, signed by the sending station (docs/PROTOCOL.md §Batch). */
const batchFields = z.object({
  v: z.literal(PROTOCOL_VERSION),
  id: ulidString,
  from: stationCode,
  to: stationCode,
  createdAt: z.iso.datetime(),
  /** Ascending by the recipient's link seq; may be empty when the batch only carries a cursor. */
  events: z.array(signedEvent).max(BATCH_MAX_EVENTS),
  cursor: batchCursor.optional(),
});
const notEmpty = { message: 'a batch carries events, a cursor or both' };
const carriesSomething = (b: { events: unknown[]; cursor?: unknown }) => b.events.length > 0 || b.cursor !== undefined;
export const batchContent = batchFields.refine(carriesSomething, notEmpty);
export type BatchContent = z.infer<typeof batchContent>;

export const signedBatch = batchFields.extend({ signature: signatureHex }).refine(carriesSomething, notEmpty);
export type SignedBatch = z.infer<typeof signedBatch>;

export function signBatch(content: BatchContent, secretKey: string): SignedBatch {
  return { ...content, signature: signCanonical(content, secretKey) };
}

export function verifyBatch(batch: SignedBatch, publicKey: string): boolean {
  const { signature, ...content } = batch;
  return verifyCanonical(content, signature, publicKey);
}
