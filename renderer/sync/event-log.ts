import Dexie, { type Transaction } from 'dexie';
import { ulid } from 'ulid';
import { stationCode } from '@shared/domain/station';
import { canonicalBytes } from '@shared/sync/canonical';
import { eventPayloads, type EventPayload, type EventType } from '@shared/sync/event-registry';
import { EVENT_MAX_RECIPIENTS, GENESIS_HASH, PROTOCOL_VERSION, linkFor, officerKeyString, signEvent, type SignedEvent } from '@shared/sync/event';
import { aggregateIdFits } from '@shared/sync/aggregate-ids';
import { sha256Hex } from '@shared/sync/keys';
import { formatHlc, parseHlc, repairHlc, tickHlc, observeHlc, HLC_ZERO, type Hlc } from '@shared/sync/hlc';
import { signingStation, type SigningStation } from '@renderer/platform/station';
import { META_TABLE, SYNC_TABLES, eventsTable, pairKey, type EventRow, type HeadRow, type OutboxRow } from './tables';

/** Include these in your Dexie 'rw' transaction (with your own tables) when you call appendEvent. */
export const EVENT_LOG_TABLES: readonly string[] = [SYNC_TABLES.events, SYNC_TABLES.outbox, SYNC_TABLES.heads, META_TABLE];

export class EventLogScopeError extends Error {
  constructor() {
    super(`appendEvent must run inside a 'rw' transaction that includes ${EVENT_LOG_TABLES.join(', ')}`);
    this.name = 'EventLogScopeError';
  }
}

/** The last clock value per database (one per station; tests run two stations in one process). */
const clocks = new WeakMap<Dexie, Hlc>();

/** Advances this station's clock past a timestamp received from another station (never beyond the HLC bound). */
export function observeRemoteHlc(database: Dexie, remote: string): void {
  clocks.set(database, observeHlc(clocks.get(database) ?? HLC_ZERO, parseHlc(remote)));
}

function nextHlc(database: Dexie, lastOwn: string | undefined): string {
  const now = Date.now();
  // A stored value beyond the bound (written by a version that trusted remote clocks) is repaired, not continued.
  const stored = lastOwn ? repairHlc(parseHlc(lastOwn), now) : HLC_ZERO;
  const known = observeHlc(clocks.get(database) ?? HLC_ZERO, stored, now);
  const next = tickHlc(known, now);
  clocks.set(database, next);
  return formatHlc(next);
}

function currentScope(): Transaction {
  return checkedScope(Dexie.currentTransaction);
}

function checkedScope(tx: Transaction | null): Transaction {
  if (!tx || tx.mode !== 'readwrite' || !EVENT_LOG_TABLES.every((t) => tx.storeNames.includes(t))) throw new EventLogScopeError();
  return tx;
}

/** What appendEvent needs about the station's streams, cached per IndexedDB transaction (many events per write). */
interface Head {
  signing: SigningStation;
  /** Per recipient: the last seq and hash written to it. */
  streams: Map<string, HeadRow>;
  hlc: string | undefined;
}
const heads = new WeakMap<object, Promise<Head>>();

/**
 * Who signed last in this window, per database: the head is then read in one round trip (the signer, the stream
 * heads and the last own event at once) instead of two. The signer is read again every time, so a change (a
 * provisioned key replacing the demo one) is seen; only then is the last own event read a second time.
 */
const lastSigner = new WeakMap<Dexie, string>();

async function readHead(tx: Transaction): Promise<Head> {
  const guess = lastSigner.get(tx.db);
  const lastOf = (station: string) =>
    tx.table<EventRow, [string, string]>(SYNC_TABLES.events).where('[authorStation+hlc]').between([station, Dexie.minKey], [station, Dexie.maxKey]).last();
  const [signing, rows, guessedLast] = await Promise.all([
    signingStation(tx.db),
    tx.table<HeadRow, string>(SYNC_TABLES.heads).toArray(),
    guess === undefined ? undefined : lastOf(guess),
  ]);
  const code = signing.identity.code;
  lastSigner.set(tx.db, code);
  const last = guess === code ? guessedLast : await lastOf(code);
  return { signing, streams: new Map(rows.map((r) => [r.peer, r])), hlc: last?.hlc };
}

/** The transaction's head: read once (the promise is kept, so a second caller waits for the same read). */
function headFor(tx: Transaction): Promise<Head> {
  const cached = heads.get(tx.idbtrans);
  if (cached) return cached;
  const head = readHead(tx);
  heads.set(tx.idbtrans, head);
  // A failure (e.g. no station key) is not kept: the next caller reads again.
  head.catch(() => heads.delete(tx.idbtrans));
  return head;
}

/**
 * Reads the log head for the current transaction ahead of time, so a caller can overlap it with its own first
 * reads; the later appendEvent then finds it cached. Must run inside the same transaction scope.
 */
export async function prefetchEventHead(): Promise<void> {
  // A failure (e.g. no station key) is not cached: appendEvent meets it again if the caller really writes an event.
  await headFor(currentScope()).catch(() => undefined);
}

/** The last event this station wrote, by clock (the station's own clock never goes backwards). */
export async function lastOwnEvent(database: Dexie, station: string): Promise<EventRow | undefined> {
  return eventsTable(database).where('[authorStation+hlc]').between([station, Dexie.minKey], [station, Dexie.maxKey]).last();
}

/** After a backup restore: how far this station had published to `peer` is not known yet (docs/PROTOCOL.md §Restore). */
export class StreamPositionUnknownError extends Error {
  constructor(readonly peers: string[]) {
    super(`the position of this station's stream to ${peers.join(', ')} is not known since the restore; waiting for their cursors`);
    this.name = 'StreamPositionUnknownError';
  }
}

function normaliseRecipients(recipients: string[], self: string): string[] {
  const unique = [...new Set(recipients)].filter((r) => r !== self);
  for (const r of unique) stationCode.parse(r);
  if (unique.length === 0) throw new Error('an event needs at least one recipient station other than this one');
  // Every receiver would refuse the batch as malformed, and the seqs would already have moved: refuse it here.
  if (unique.length > EVENT_MAX_RECIPIENTS) throw new RangeError(`an event carries at most ${EVENT_MAX_RECIPIENTS} recipients (recipientGroups)`);
  return unique.sort();
}

export function blankHead(peer: string): HeadRow {
  return { peer, seq: 0, hash: GENESIS_HASH, acked: 0, ackedAt: null };
}

export function eventRow(event: SignedEvent, origin: EventRow['origin'], self?: string): EventRow {
  // One encoding serves both the size (batch bounds) and the chain hash.
  const bytes = canonicalBytes(event);
  const own = origin === 'local';
  return {
    id: event.id,
    authorStation: event.authorStation,
    seq: own || !self ? 0 : (linkFor(event, self)?.seq ?? 0),
    type: event.type,
    aggregateId: event.aggregateId,
    hlc: event.hlc,
    hash: sha256Hex(bytes),
    event,
    size: bytes.length,
    origin,
    at: new Date().toISOString(),
    pairKeys: own ? event.links.map((l) => pairKey(l.to, l.seq)) : [],
  };
}

/**
 * Appends a signed event to this station's log and queues it for each recipient — inside the caller's
 * transaction, so the event commits or rolls back with the local change it describes. The transaction is the
 * one in Dexie's zone, or `within` (runCommand passes it, to append while the command's own writes are under way).
 */
export async function appendEvent<T extends EventType>(
  input: {
    type: T;
    aggregateId: string;
    recipients: string[];
    payload: EventPayload<T>;
    officer: string;
  },
  within?: Transaction,
): Promise<{ id: string }> {
  const tx = within ? checkedScope(within) : currentScope();
  const database = tx.db;
  const head = await headFor(tx);
  const { identity, key } = head.signing;
  const payload: unknown = eventPayloads[input.type].parse(input.payload);
  if (!aggregateIdFits(input.type, input.aggregateId)) throw new TypeError(`aggregate id ${input.aggregateId} is not of the form ${input.type} requires`);
  const recipients = normaliseRecipients(input.recipients, identity.code);
  const streams = recipients.map((peer) => head.streams.get(peer) ?? blankHead(peer));
  const unknown = streams.filter((s) => s.unconfirmed).map((s) => s.peer);
  if (unknown.length > 0) throw new StreamPositionUnknownError(unknown);
  const event = signEvent(
    {
      v: PROTOCOL_VERSION,
      id: ulid(),
      type: input.type,
      aggregateId: input.aggregateId,
      authorStation: identity.code,
      authorOfficer: officerKeyString.parse(input.officer),
      hlc: nextHlc(database, head.hlc),
      recipients,
      links: streams.map((s) => ({ to: s.peer, seq: s.seq + 1, prev: s.hash })),
      payload,
    },
    key.secretKey,
  );
  const row = eventRow(event, 'local');
  const advanced = streams.map((s) => ({ ...s, seq: s.seq + 1, hash: row.hash }));
  // Issued together (one round trip, not three), through the transaction itself (not the zone): one write.
  await Promise.all([
    tx.table<EventRow, [string, string]>(SYNC_TABLES.events).add(row),
    tx.table<OutboxRow, [string, number]>(SYNC_TABLES.outbox).bulkAdd(advanced.map((s) => ({ peer: s.peer, seq: s.seq, eventId: event.id, size: row.size }))),
    tx.table<HeadRow, string>(SYNC_TABLES.heads).bulkPut(advanced),
  ]);
  for (const s of advanced) head.streams.set(s.peer, s);
  head.hlc = event.hlc;
  return { id: event.id };
}
