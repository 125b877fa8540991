import Dexie, { type Transaction } from 'dexie';
import { ulid } from 'ulid';
import { stationCode } from '@shared/domain/station';
import { canonicalBytes } from '@shared/sync/canonical';
import { eventPayloads, type EventPayload, type EventType } from '@shared/sync/event-registry';
import { GENESIS_HASH, PROTOCOL_VERSION, officerKeyString, signEvent, type SignedEvent } from '@shared/sync/event';
import { sha256Hex } from '@shared/sync/keys';
import { formatHlc, parseHlc, tickHlc, observeHlc, HLC_ZERO, type Hlc } from '@shared/sync/hlc';
import { db } from '@renderer/platform/db';
import { signingStation, type SigningStation } from '@renderer/platform/station';
import { META_TABLE, SYNC_TABLES, eventsTable, outboxTable, type EventRow } from './tables';

/** Include these in your Dexie 'rw' transaction (with your own tables) when you call appendEvent. */
export const EVENT_LOG_TABLES: readonly string[] = [SYNC_TABLES.events, SYNC_TABLES.outbox, META_TABLE];

export class EventLogScopeError extends Error {
  constructor() {
    super(`appendEvent must run inside a 'rw' transaction that includes ${EVENT_LOG_TABLES.join(', ')}`);
    this.name = 'EventLogScopeError';
  }
}

/** The last clock value per database (one per station; tests run two stations in one process). */
const clocks = new WeakMap<Dexie, Hlc>();

/** Advances this station's clock past a timestamp received from another station. */
export function observeRemoteHlc(database: Dexie, remote: string): void {
  clocks.set(database, observeHlc(clocks.get(database) ?? HLC_ZERO, parseHlc(remote)));
}

function nextHlc(database: Dexie, lastOwn: string | undefined): string {
  const known = observeHlc(clocks.get(database) ?? HLC_ZERO, lastOwn ? parseHlc(lastOwn) : HLC_ZERO);
  const next = tickHlc(known, Date.now());
  clocks.set(database, next);
  return formatHlc(next);
}

function currentScope(): Transaction {
  const tx = Dexie.currentTransaction;
  if (!tx || tx.mode !== 'readwrite' || !EVENT_LOG_TABLES.every((t) => tx.storeNames.includes(t))) throw new EventLogScopeError();
  return tx;
}

/** What appendEvent needs about the station's log head, cached per IndexedDB transaction (many events per write). */
interface Head {
  signing: SigningStation;
  seq: number;
  hash: string;
  hlc: string | undefined;
}
const heads = new WeakMap<object, Head>();

async function headFor(tx: Transaction): Promise<Head> {
  const cached = heads.get(tx.idbtrans);
  if (cached) return cached;
  const signing = await signingStation(tx.db);
  const last = await lastOwnEvent(tx.db, signing.identity.code);
  const head = { signing, seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH, hlc: last?.hlc };
  heads.set(tx.idbtrans, head);
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

/** The last event this station wrote, by sequence. */
export async function lastOwnEvent(database: Dexie, station: string): Promise<EventRow | undefined> {
  return eventsTable(database).where('[authorStation+seq]').between([station, Dexie.minKey], [station, Dexie.maxKey]).last();
}

function normaliseRecipients(recipients: string[], self: string): string[] {
  const unique = [...new Set(recipients)].filter((r) => r !== self);
  for (const r of unique) stationCode.parse(r);
  if (unique.length === 0) throw new Error('an event needs at least one recipient station other than this one');
  return unique.sort();
}

export function eventRow(event: SignedEvent, origin: EventRow['origin']): EventRow {
  // One encoding serves both the size (batch bounds) and the chain hash.
  const bytes = canonicalBytes(event);
  return {
    id: event.id,
    authorStation: event.authorStation,
    seq: event.seq,
    type: event.type,
    aggregateId: event.aggregateId,
    hlc: event.hlc,
    hash: sha256Hex(bytes),
    event,
    size: bytes.length,
    origin,
    at: new Date().toISOString(),
  };
}

/**
 * Appends a signed event to this station's log and queues it for each recipient — inside the caller's
 * transaction, so the event commits or rolls back with the local change it describes.
 */
export async function appendEvent<T extends EventType>(input: {
  type: T;
  aggregateId: string;
  recipients: string[];
  payload: EventPayload<T>;
  officer: string;
}): Promise<{ id: string; seq: number }> {
  const tx = currentScope();
  const database = tx.db;
  const head = await headFor(tx);
  const { identity, key } = head.signing;
  const payload: unknown = eventPayloads[input.type].parse(input.payload);
  const recipients = normaliseRecipients(input.recipients, identity.code);
  const event = signEvent(
    {
      v: PROTOCOL_VERSION,
      id: ulid(),
      type: input.type,
      aggregateId: input.aggregateId,
      authorStation: identity.code,
      authorOfficer: officerKeyString.parse(input.officer),
      seq: head.seq + 1,
      prev: head.hash,
      hlc: nextHlc(database, head.hlc),
      recipients,
      payload,
    },
    key.secretKey,
  );
  const row = eventRow(event, 'local');
  // Issued together (one round trip, not two); the caller's transaction makes them one write.
  await Promise.all([
    eventsTable(database).add(row),
    outboxTable(database).bulkAdd(recipients.map((peer) => ({ peer, seq: event.seq, eventId: event.id, size: row.size }))),
  ]);
  Object.assign(head, { seq: event.seq, hash: row.hash, hlc: event.hlc });
  return { id: event.id, seq: event.seq };
}

/** For code that is not inside a transaction yet (e.g. tests or sync's own small writes). */
export async function appendEventInOwnTransaction<T extends EventType>(
  input: Parameters<typeof appendEvent<T>>[0],
  extraTables: string[] = [],
  database: Dexie = db(),
): Promise<{ id: string; seq: number }> {
  return database.transaction('rw', [...EVENT_LOG_TABLES, ...extraTables], async () => await appendEvent(input));
}
