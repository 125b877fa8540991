import { z } from 'zod';
import { stationCode } from '../domain/station';
import { eventPayloads, type EventType } from './event-registry';
import { canonicalHash, hashHex, signCanonical, signatureHex, verifyCanonical } from './keys';
import { hlcString } from './hlc';

/** 2: sequence and chain per (author, recipient) pair (`links`), cursors, per-event refusal. */
export const PROTOCOL_VERSION = 2;

/** ULID: 26 Crockford base-32 characters, time-ordered. */
export const ulidString = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'ULID');
/** `province:警号` of an officer (shared/domain/officer.ts officerKey). */
export const officerKeyString = z.string().regex(/^\d{6}:[0-9A-Za-z]{1,20}$/, 'officer key province:policeNumber');
/** The `prev` of a station's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The event's place in the author's stream to one recipient: 1, 2, 3 … per (author, recipient) pair with no gaps,
 * and the hash of the author's previous event to that recipient (GENESIS_HASH for seq 1). Each recipient thus gets
 * a gap-free, chained stream whatever subset of neighbours each event goes to (docs/PROTOCOL.md §Ordering).
 */
export const eventLink = z.object({
  to: stationCode,
  seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  prev: hashHex,
});
export type EventLink = z.infer<typeof eventLink>;

/** Recipients of one event at most; a message to more neighbours is several events (recipientGroups). */
export const EVENT_MAX_RECIPIENTS = 50;

/** Splits a list of recipients into groups one event each can carry. */
export function recipientGroups(recipients: readonly string[]): string[][] {
  const groups: string[][] = [];
  for (let at = 0; at < recipients.length; at += EVENT_MAX_RECIPIENTS) groups.push(recipients.slice(at, at + EVENT_MAX_RECIPIENTS));
  return groups;
}

/** Everything of an event that its author signs (docs/PROTOCOL.md §Event). */
const eventFields = z.object({
  v: z.literal(PROTOCOL_VERSION),
  id: ulidString,
  type: z.string().min(1).max(60),
  aggregateId: z.string().min(1).max(120),
  authorStation: stationCode,
  authorOfficer: officerKeyString,
  hlc: hlcString,
  /** Strictly ascending (sorted, unique), without the author. */
  recipients: z.array(stationCode).min(1).max(EVENT_MAX_RECIPIENTS),
  /** One per recipient, in the same order. */
  links: z.array(eventLink).min(1).max(EVENT_MAX_RECIPIENTS),
  payload: z.unknown(),
});

/** Rules across fields: recipients sorted and unique, never the author, and exactly one link each, in order. */
function checkAddressing(e: z.infer<typeof eventFields>, ctx: z.core.$RefinementCtx): void {
  if (!e.recipients.every((r, i) => i === 0 || (e.recipients[i - 1] ?? '') < r)) ctx.addIssue({ code: 'custom', message: 'recipients sorted and unique' });
  if (e.recipients.includes(e.authorStation)) ctx.addIssue({ code: 'custom', message: 'the author is not a recipient' });
  if (e.links.length !== e.recipients.length || !e.links.every((l, i) => l.to === e.recipients[i])) ctx.addIssue({ code: 'custom', message: 'one link per recipient, in order' });
}

export const eventContent = eventFields.superRefine(checkAddressing);
export type EventContent = z.infer<typeof eventContent>;

export const signedEvent = eventFields.extend({ signature: signatureHex }).superRefine(checkAddressing);
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

/** The event's link for `recipient`, if it is addressed there. */
export function linkFor(event: Pick<EventContent, 'links'>, recipient: string): EventLink | undefined {
  return event.links.find((l) => l.to === recipient);
}

/** The chain link: what the author's next event to the same recipient carries as `prev`. */
export function eventHash(event: SignedEvent): string {
  return canonicalHash(event);
}
