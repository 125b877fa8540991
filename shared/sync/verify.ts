import { signedBatch, type SignedBatch } from './batch';
import { eventBody, parseEventPayload } from './event';
import { nobleVerifier, verifyCanonicalWith, type SignatureVerifier } from './keys';
import { areNeighbours, type Roster } from './roster';

/** Why an incoming batch is refused (and quarantined). Stable codes: the UI translates them. */
export type BatchProblem =
  | 'malformed'
  | 'notForUs'
  | 'unknownStation'
  | 'notNeighbour'
  | 'badBatchSignature'
  | 'wrongAuthor'
  | 'notRecipient'
  | 'unknownEventType'
  | 'invalidPayload'
  | 'badEventSignature';

export type BatchCheck = { ok: true; batch: SignedBatch; payloads: Map<string, unknown> } | { ok: false; problem: BatchProblem; detail: string; batchId: string | null; from: string | null };

function header(raw: unknown): { batchId: string | null; from: string | null } {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return { batchId: typeof r.id === 'string' ? r.id.slice(0, 40) : null, from: typeof r.from === 'string' ? r.from.slice(0, 20) : null };
}

/**
 * Everything about a batch that can be checked without local state (docs/PROTOCOL.md §Receiving): shape, that it
 * is for us, that the sender is a neighbour in the roster, the batch signature, and per event the author, the
 * recipients, the payload schema and the author's signature. Sequence and chain need the local cursor: the inbox.
 */
export async function verifyIncomingBatch(raw: unknown, self: string, roster: Roster, verifier: SignatureVerifier = nobleVerifier): Promise<BatchCheck> {
  const fail = (problem: BatchProblem, detail: string): BatchCheck => ({ ok: false, problem, detail, ...header(raw) });
  const parsed = signedBatch.safeParse(raw);
  if (!parsed.success) return fail('malformed', parsed.error.issues[0]?.message ?? 'schema');
  const batch = parsed.data;
  if (batch.to !== self) return fail('notForUs', batch.to);
  const sender = roster.stations.find((s) => s.code === batch.from);
  if (!sender) return fail('unknownStation', batch.from);
  if (!areNeighbours(roster, self, batch.from)) return fail('notNeighbour', batch.from);
  const { signature, ...content } = batch;
  if (!(await verifyCanonicalWith(verifier, content, signature, sender.publicKey))) return fail('badBatchSignature', batch.from);
  // All event signatures at once: a native verifier works through them in parallel.
  const eventsValid = await Promise.all(batch.events.map((e) => verifyCanonicalWith(verifier, eventBody(e), e.signature, sender.publicKey)));
  const payloads = new Map<string, unknown>();
  for (const [i, event] of batch.events.entries()) {
    if (event.authorStation !== batch.from) return fail('wrongAuthor', event.id);
    if (!event.recipients.includes(self)) return fail('notRecipient', event.id);
    if (!eventsValid[i]) return fail('badEventSignature', event.id);
    const payload = parseEventPayload(event.type, event.payload);
    if (!payload.ok) return fail(payload.reason.startsWith('unknown') ? 'unknownEventType' : 'invalidPayload', `${event.id} ${event.type}`);
    payloads.set(event.id, payload.value);
  }
  // Events stay exactly as signed (their hashes form the chain); appliers get the payloads as the schemas output them.
  return { ok: true, batch, payloads };
}
