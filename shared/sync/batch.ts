import { z } from 'zod';
import { stationCode } from '../domain/station';
import { PROTOCOL_VERSION, signedEvent, ulidString } from './event';
import { signCanonical, signatureHex, verifyCanonical } from './keys';

/** Outbox bounds: a batch never holds more than this many events or (canonical) bytes. */
export const BATCH_MAX_EVENTS = 500;
export const BATCH_MAX_BYTES = 256 * 1024;

/** A station's batch of events for one recipient, signed by the sending station (docs/PROTOCOL.md §Batch). */
export const batchContent = z.object({
  v: z.literal(PROTOCOL_VERSION),
  id: ulidString,
  from: stationCode,
  to: stationCode,
  createdAt: z.iso.datetime(),
  events: z.array(signedEvent).min(1).max(BATCH_MAX_EVENTS),
});
export type BatchContent = z.infer<typeof batchContent>;

export const signedBatch = batchContent.extend({ signature: signatureHex });
export type SignedBatch = z.infer<typeof signedBatch>;

export function signBatch(content: BatchContent, secretKey: string): SignedBatch {
  return { ...content, signature: signCanonical(content, secretKey) };
}

export function verifyBatch(batch: SignedBatch, publicKey: string): boolean {
  const { signature, ...content } = batch;
  return verifyCanonical(content, signature, publicKey);
}
