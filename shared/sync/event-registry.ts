import type { z } from 'zod';
import { assistEvents } from '../assist/events';
import { attachmentEvents } from '../attachments/events';
import { auditEvents } from '../audit/events';
import { documentEvents } from '../documents/events';
import { migrationEvents } from '../migration/events';
import { syncEvents } from './events';
import { patrolEvents } from '../patrol/events';

/**
 * The payload schema of every event type that crosses between stations, by type name.
 * Each feature owns its map in `shared/<feature>/events.ts` (e.g. `migrationEvents`) and spreads it in here;
 * an event whose type is not listed is refused on both sides.
 */
export const eventPayloads = {
  ...syncEvents,
  ...migrationEvents,
  ...patrolEvents,
  ...documentEvents,
  ...auditEvents,
  ...attachmentEvents,
  ...assistEvents,
} satisfies Record<string, z.ZodType>;

export type EventType = keyof typeof eventPayloads;
export type EventPayload<T extends EventType> = z.output<(typeof eventPayloads)[T]>;
