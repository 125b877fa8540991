import { BATCH_MAX_BYTES, signedBatch, type SignedBatch } from './batch';
import { canonicalBytes, canonicalJson } from './canonical';
import { eventBody, isKnownEventType, linkFor, parseEventPayload, type SignedEvent } from './event';
import { aggregateIdFits } from './aggregate-ids';
import { hlcWithinBound, parseHlc } from './hlc';
import { nobleVerifier, verifyCanonicalWith, type SignatureVerifier } from './keys';
import { areNeighbours, type Roster } from './roster';

/**
 * Why an incoming batch is refused as a whole (and quarantined). Stable codes: the UI translates them.
 * The batch-level checks say nothing about the claimed sender unless the batch signature verified: a neighbour
 * may publish junk that names another station. Once it did, failures are the sender's (`authentic` in BatchCheck).
 */
export type BatchProblem =
  | 'malformed'
  | 'tooLarge'
  | 'notCanonical'
  | 'unknownField'
  | 'notForUs'
  | 'unknownStation'
  | 'notNeighbour'
  | 'badBatchSignature'
  | 'wrongAuthor'
  | 'notRecipient'
  | 'outOfOrder'
  | 'badEventSignature';

/**
 * Why one authentic event is refused while the rest of its author's stream goes on: it is logged as refused, shown
 * to staff, and the author's cursor moves past it (docs/PROTOCOL.md §Refusal). The inbox adds the appliers' codes.
 */
export type EventRefusal = 'unknownEventType' | 'invalidPayload' | 'clockAhead' | 'duplicateId' | 'notAuthorized' | 'badRosterSignature';

export type EventVerdict = { ok: true; payload: unknown } | { ok: false; reason: EventRefusal; detail: string };

export type BatchCheck =
  | { ok: true; batch: SignedBatch }
  | { ok: false; problem: BatchProblem; detail: string; batchId: string | null; from: string | null; authentic: boolean };

function header(raw: unknown): { batchId: string | null; from: string | null } {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return { batchId: typeof r.id === 'string' ? r.id.slice(0, 40) : null, from: typeof r.from === 'string' ? r.from.slice(0, 20) : null };
}

function sameJson(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

/** Events in ascending order of this station's link seq; the same event twice in a row is a duplicate, not a fault. */
function orderProblem(events: SignedEvent[], self: string): string | null {
  let last: SignedEvent | null = null;
  for (const event of events) {
    const seq = linkFor(event, self)?.seq ?? 0;
    const lastSeq = last ? (linkFor(last, self)?.seq ?? 0) : 0;
    if (last && (seq < lastSeq || (seq === lastSeq && !sameJson(event, last)))) return `${event.id} #${seq} after #${lastSeq}`;
    last = event;
  }
  return null;
}

/** A batch of several events stays within the byte bound (one larger event travels alone). */
function tooLarge(events: SignedEvent[]): boolean {
  if (events.length < 2) return false;
  // The array's canonical bytes are the events' plus brackets and commas: one encoding instead of one per event.
  return canonicalBytes(events).length - 2 - (events.length - 1) > BATCH_MAX_BYTES;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const extra = (r: unknown, p: object, where: string): string | null => {
  if (!isRecord(r)) return null;
  const name = Object.keys(r).find((k) => !(k in p));
  return name === undefined ? null : `${where}.${name}`;
};

/** The cursor and its two positions. */
function cursorExtra(raw: unknown, parsed: NonNullable<SignedBatch['cursor']>): string | null {
  const at = (name: 'applied' | 'highest') => (isRecord(raw) ? extra(raw[name], parsed[name], `cursor.${name}`) : null);
  return extra(raw, parsed, 'cursor') ?? at('applied') ?? at('highest');
}

/** Members of `raw` that parsing dropped (unknown to our schema), down to the events' links; payloads are the types'. */
function unknownMember(raw: unknown, parsed: SignedBatch): string | null {
  const top = extra(raw, parsed, 'batch') ?? (parsed.cursor && isRecord(raw) ? cursorExtra(raw.cursor, parsed.cursor) : null);
  if (top) return top;
  const events = isRecord(raw) && Array.isArray(raw.events) ? (raw.events as unknown[]) : [];
  for (const [i, event] of parsed.events.entries()) {
    const r = events[i];
    const found = extra(r, event, `events[${i}]`);
    if (found) return found;
    const links = isRecord(r) && Array.isArray(r.links) ? (r.links as unknown[]) : [];
    for (const [j, link] of event.links.entries()) {
      const inLink = extra(links[j], link, `events[${i}].links[${j}]`);
      if (inLink) return inLink;
    }
  }
  return null;
}

/**
 * Per authentic event, when it is next in its author's stream: its payload as the schema outputs it, or why it is
 * refused (its clock too far ahead of ours, a type this version does not know, a payload that does not parse, an
 * aggregate id not of its type's form).
 */
export function eventVerdict(event: SignedEvent, now: number = Date.now()): EventVerdict {
  if (!hlcWithinBound(parseHlc(event.hlc), now)) return { ok: false, reason: 'clockAhead', detail: event.hlc };
  const payload = parseEventPayload(event.type, event.payload);
  if (!payload.ok) return { ok: false, reason: payload.reason.startsWith('unknown') ? 'unknownEventType' : 'invalidPayload', detail: event.type };
  if (isKnownEventType(event.type) && !aggregateIdFits(event.type, event.aggregateId)) return { ok: false, reason: 'invalidPayload', detail: `${event.type} aggregateId` };
  return { ok: true, payload: payload.value };
}

/**
 * Everything about a batch that can be checked without local state (docs/PROTOCOL.md §Receiving): shape, that it
 * is for us, that the sender is a neighbour in the roster, the batch signature, and per event the author, the
 * recipients, the order and the author's signature. Sequence and chain need the local cursor, and whether each
 * event is taken (eventVerdict, the appliers) is decided when it is next in line: the inbox.
 */
export async function verifyIncomingBatch(raw: unknown, self: string, roster: Roster, verifier: SignatureVerifier = nobleVerifier): Promise<BatchCheck> {
  let authentic = false;
  const fail = (problem: BatchProblem, detail: string): BatchCheck => ({ ok: false, problem, detail, ...header(raw), authentic });
  const parsed = signedBatch.safeParse(raw);
  if (!parsed.success) return fail('malformed', parsed.error.issues[0]?.message ?? 'schema');
  const batch = parsed.data;
  // A member our schema does not know would be signed but dropped by parsing: say so rather than "bad signature".
  const unknown = unknownMember(raw, batch);
  if (unknown) return fail('unknownField', unknown);
  if (batch.to !== self) return fail('notForUs', batch.to);
  const sender = roster.stations.find((s) => s.code === batch.from);
  if (!sender) return fail('unknownStation', batch.from);
  if (!areNeighbours(roster, self, batch.from)) return fail('notNeighbour', batch.from);
  if (tooLarge(batch.events)) return fail('tooLarge', `${batch.events.length} events`);
  const { signature, ...content } = batch;
  if (!(await verifyCanonicalWith(verifier, content, signature, sender.publicKey))) return fail('badBatchSignature', batch.from);
  authentic = true;
  for (const event of batch.events) {
    if (event.authorStation !== batch.from) return fail('wrongAuthor', event.id);
    if (!linkFor(event, self)) return fail('notRecipient', event.id);
  }
  const disorder = orderProblem(batch.events, self);
  if (disorder) return fail('outOfOrder', disorder);
  // All event signatures at once: a native verifier works through them in parallel.
  const eventsValid = await Promise.all(batch.events.map((e) => verifyCanonicalWith(verifier, eventBody(e), e.signature, sender.publicKey)));
  const invalid = batch.events.findIndex((_, i) => !eventsValid[i]);
  if (invalid >= 0) return fail('badEventSignature', batch.events[invalid]?.id ?? '');
  // Events stay exactly as signed (their hashes form the chain).
  return { ok: true, batch };
}
