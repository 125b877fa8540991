import { appendEvent, EVENT_LOG_TABLES, prefetchEventHead } from '@renderer/sync';
import type { PatrolEventPayload, PatrolEventType } from '@shared/patrol/events';

/**
 * Where patrol changes leave for the other participating stations: the sync engine's event log, written inside the
 * same Dexie transaction as the change, so the change and its event commit or roll back together.
 */
export const OUTBOX_TABLES: readonly string[] = EVENT_LOG_TABLES;

export interface OutgoingPatrolEvent<T extends PatrolEventType> {
  type: T;
  aggregateId: string;
  /** The other participating stations (station units of the log, not this one). */
  recipients: string[];
  payload: PatrolEventPayload<T>;
  /** `province:警号` */
  officer: string;
}

export async function emit<T extends PatrolEventType>(event: OutgoingPatrolEvent<T>): Promise<void> {
  // A log with no other station yet (being drafted alone) has no one to tell.
  if (event.recipients.length === 0) return;
  await appendEvent(event);
}

/** Starts reading the event log's head with the caller's own first reads (one round trip fewer per save). */
export const prefetchOutgoing = prefetchEventHead;

