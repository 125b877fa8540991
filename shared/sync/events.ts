import { z } from 'zod';
import { signedRoster } from './roster';

/**
 * Sync's own event types.
 * - `roster.updated`: a new trust roster, forwarded between stations; accepted only when newer and root-signed.
 * - `sync.probe` (联调消息): a short message a station sends a neighbour to check the link end to end.
 *   Its aggregate id starts with the author's station code: a station may only write its own probes.
 */
export const probePayload = z.object({
  text: z.string().trim().min(1).max(200),
});
export type ProbePayload = z.infer<typeof probePayload>;

export const syncEvents = {
  'roster.updated': signedRoster,
  'sync.probe': probePayload,
} satisfies Record<string, z.ZodType>;
