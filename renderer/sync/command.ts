import Dexie, { type Transaction } from 'dexie';
import type { EventPayload, EventType } from '@shared/sync/event-registry';
import { db, guardedWrite } from '@renderer/platform/db';
import { AUDIT_TABLE, appendAuditIn, type AuditInput } from '@renderer/platform/audit';
import { EVENT_LOG_TABLES, appendEvent, prefetchEventHead } from './event-log';

/** A signed event a command sends to other stations (its author is this station). */
export interface OutgoingEvent<T extends EventType> {
  type: T;
  aggregateId: string;
  /** The stations it goes to (never this one; at least one). */
  recipients: string[];
  payload: EventPayload<T>;
  /** `province:警号` of the officer who made the change. */
  officer: string;
}

/** What a command's work is given: its transaction, and where its audit entry and events go. */
export interface CommandScope {
  /** The command's one transaction: read and write the feature's rows through it (`table(tx)`). */
  readonly tx: Transaction;
  /** Records the change in the audit trail: written at once (alongside the work's own writes), awaited before commit. */
  audit(entry: AuditInput): void;
  /** Signs an event and queues it for its recipients, once the work is done (same transaction). */
  emit<T extends EventType>(event: OutgoingEvent<T>): void;
}

export interface Command<T> {
  /** The feature's tables the command reads or writes; the audit trail and the event log are always in. */
  tables: readonly string[];
  /** The command signs events: the event log's head is read together with the work's first reads. */
  emits?: boolean;
  /** The station database (tests run two stations in one process); this window's by default. */
  database?: Dexie;
  /**
   * The command another feature's command calls this one from (e.g. migration settling a person through records):
   * this one then runs inside it, in its transaction, with its audit entries and events. Without it, a command
   * started inside another's transaction still joins it, as long as Dexie's zone shows that transaction.
   */
  within?: CommandScope;
  work: (scope: CommandScope) => Promise<T>;
}

/** Every table a command's transaction holds besides the feature's own. */
export const COMMAND_TABLES: readonly string[] = [AUDIT_TABLE, ...EVENT_LOG_TABLES];

/** The scope of each running command, by its IndexedDB transaction: a command started inside one joins it. */
const running = new WeakMap<IDBTransaction, CommandScope>();

/** Where the command runs: inside another command's transaction (joined), or a new one. */
function enclosing(database: Dexie, tables: readonly string[], within: CommandScope | undefined): CommandScope | null {
  const current = Dexie.currentTransaction;
  const scope = within ?? (current && current.db === database ? running.get(current.idbtrans) : undefined);
  if (!scope) return null;
  const missing = tables.filter((t) => !scope.tx.storeNames.includes(t));
  if (missing.length > 0) throw new Error(`a command inside another needs tables the outer one lacks: ${missing.join(', ')}`);
  return scope;
}

/**
 * The one write path of every feature: the feature's rows, the audit entry, the signed events and their outbox
 * rows in ONE Dexie transaction, so a change is either all there or not at all. Storage failures are reported
 * through guardedWrite. A command started inside another (migration settling a person through records) joins it.
 *
 * Round trips: the audit entry is written as soon as the work asks for it, alongside the work's own writes (its
 * head is kept in memory, see platform/audit). A command that `emits` has the event log's head read alongside the
 * work's first reads (one round trip), and each event is signed and queued as soon as it is emitted, alongside the
 * work's own writes, one after the other (each names the one before it). These appends are handed the transaction
 * rather than finding it in Dexie's zone, which the work's own awaits may not keep. Without `emits`, events wait
 * for the work and its head is read then.
 */
export function runCommand<T>(command: Command<T>): Promise<T> {
  const database = command.database ?? db();
  const tables = [...new Set([...command.tables, ...COMMAND_TABLES])];
  let joined: CommandScope | null;
  try {
    joined = enclosing(database, tables, command.within);
  } catch (error) {
    return Promise.reject(error);
  }
  if (joined) return Dexie.Promise.resolve(command.work(joined));
  return guardedWrite(() =>
    database.transaction('rw', tables, async (tx) => {
      const head = command.emits ? prefetchEventHead() : null;
      const issued: Promise<unknown>[] = [];
      // Handled now (so a failure does not abort the transaction behind our back), rethrown below before commit.
      const issue = (write: Promise<unknown>): void => {
        write.catch(() => undefined);
        issued.push(write);
      };
      const deferred: OutgoingEvent<EventType>[] = [];
      let events: Promise<unknown> = head ?? Promise.resolve();
      const scope: CommandScope = {
        tx,
        audit: (entry) => issue(appendAuditIn(tx, entry)),
        emit: (event) => {
          if (!head) return void deferred.push(event as OutgoingEvent<EventType>);
          events = events.then(() => appendEvent(event as OutgoingEvent<EventType>, tx));
          issue(events);
        },
      };
      running.set(tx.idbtrans, scope);
      const result = await Dexie.Promise.resolve(command.work(scope));
      await Dexie.Promise.all(head ? [head, ...issued] : issued);
      for (const event of deferred) await Dexie.Promise.resolve(appendEvent(event, tx));
      return result;
    }),
  );
}
