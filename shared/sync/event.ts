import { z } from 'zod';
import { stationCode } from '../domain/station';
import { eventPayloads, type EventType } from './event-registry';
import { canonicalHash, hashHex, signCanonical, signatureHex, verifyCanonical } from './keys';
import { hlcString } from './hlc';

export const PROTOCOL_VERSION = 1;

/** ULID: 26 Crockford base-32 characters, time-ordered. */
export const ulidString = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'ULID');
/** `province:警号` of an officer (shared/domain/officer.ts officerKey). */
export const officerKeyString = z.string().regex(/^\d{6}:[0-9A-Za-z]{1,20}$/, 'officer key province:policeNumber');
/** The `prev` of a station's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** Everything of an event that its author signs (docs/PROTOCOL.md §Event). */
export const eventContent = z.object({
  v: z.literal(PROTOCOL_VERSION),
  id: ulidString,
  type: z.string().min(1).max(60),
  aggregateId: z.string().min(1).max(120),
  authorStation: stationCode,
  authorOfficer: officerKeyString,
  /** 1, 2, 3 … per author station, no gaps. */
  seq: z.number().int().positive(),
  /** SHA-256 of the canonical encoding of the author's previous signed event; GENESIS_HASH for seq 1. */
  prev: hashHex,
  hlc: hlcString,
  recipients: z.array(stationCode).min(1).max(50),
  payload: z.unknown(),
});
export type EventContent = z.infer<typeof eventContent>;

export const signedEvent = eventContent.extend({ signature: signatureHex });
export type SignedEvent = z.infer<typeof signedEvent>;

export function isKnownEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(eventPayloads, type);
}

/** Parses the payload with the schema registered for the event's type; null when the type is unknown or invalid. */
export function parseEventPayload(type: string, payload: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (!isKnownEventType(type)) return { ok: false, reason: `unknown event type ${type}` };
  const schema: z.ZodType = eventPayloads[type];
  const parsed = schema.safeParse(payload);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: `invalid payload for ${type}` };
}

export function signEvent(content: EventContent, secretKey: string): SignedEvent {
  return { ...content, signature: signCanonical(content, secretKey) };
}

export function eventBody(event: SignedEvent): EventContent {
  const { signature: _signature, ...content } = event;
  return content;
}

export function verifyEvent(event: SignedEvent, publicKey: string): boolean {
  return verifyCanonical(eventBody(event), event.signature, publicKey);
}

/** The chain link: what the author's next event carries as `prev`. */
export function eventHash(event: SignedEvent): string {
  return canonicalHash(event);
}
