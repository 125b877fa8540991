import type { Transaction } from 'dexie';
import type { EventType } from '@shared/sync/event-registry';

/**
 * What features give the sync engine so it can apply incoming events to their local state.
 * A feature lists them in `renderer/features/<feature>/sync-appliers.ts` as `export const appliers: FeatureAppliers`
 * and gives them to the app through `<feature>Feature.appliers` (its index.ts). The inbox runs each applier inside its one Dexie transaction, which also holds `tables`,
 * and hands it that transaction: an applier reads and writes through it (`table(tx)`), never through the window's
 * global `db()` (two stations share a test process; the write must commit or roll back with the batch).
 */
export interface IncomingEvent {
  id: string;
  type: EventType;
  aggregateId: string;
  authorStation: string;
  /** `province:警号` of the officer who made the change at the author station. */
  authorOfficer: string;
  hlc: string;
  payload: unknown;
}

export type EventApplier = (event: IncomingEvent, tx: Transaction) => Promise<void>;

/**
 * Applies a run of consecutive events of one type in a few storage round trips instead of one or more per event
 * (each awaited request inside a transaction costs a trip to the browser's storage process). It must leave the
 * same state as applying them one by one, in order, and answer per event: null when applied, or the conflict.
 * Throwing EventNotAuthorizedError refuses an event: the inbox then applies the run again one event at a time
 * (in a fresh transaction) to find which, and logs that one as refused while the rest apply.
 */
export type EventBatchApplier = (events: IncomingEvent[], tx: Transaction) => Promise<(EventConflictError | null)[]>;

export interface FeatureAppliers {
  /** Dexie tables the appliers write, so the inbox transaction can include them. */
  tables: string[];
  appliers: Partial<Record<EventType, EventApplier>>;
  /** Optional faster path for event types that arrive in bulk; the inbox prefers it over `appliers`. */
  batchAppliers?: Partial<Record<EventType, EventBatchApplier>>;
}

/** The event is genuine but not valid for the local state (e.g. a transition from the wrong state): keep it as a conflict. */
export class EventConflictError extends Error {
  constructor(
    message: string,
    readonly local: unknown,
  ) {
    super(message);
    this.name = 'EventConflictError';
  }
}

/**
 * The author station had no right to write this aggregate (or the payload is refused for another stated reason):
 * the event is logged as refused with `reason`, shown to staff, and the author's later events still apply.
 */
export class EventNotAuthorizedError extends Error {
  constructor(
    message: string,
    readonly reason: 'notAuthorized' | 'badRosterSignature' = 'notAuthorized',
  ) {
    super(message);
    this.name = 'EventNotAuthorizedError';
  }
}
