import { z } from 'zod';
import type { Roster } from '../sync/roster';
import { DUPLICATE_WINDOW_MS, STREAM_MAX_AGE_MS, STREAM_NAME, STREAM_SUBJECTS, consumerName, inboxSubject } from '../sync/subjects';

/**
 * The JetStream objects of the exchange, as JSON in the server's own field names (durations in nanoseconds), so
 * the operator can apply them with the admin tool or with `nats stream add --config` / `nats consumer add --config`.
 * One stream holds every inbox; each station has one durable pull consumer filtered to its own inbox.
 */

const NS_PER_MS = 1_000_000;

export const streamDefinition = z.object({
  name: z.string(),
  subjects: z.array(z.string()).min(1),
  retention: z.enum(['limits', 'interest', 'workqueue']),
  storage: z.enum(['file', 'memory']),
  discard: z.enum(['old', 'new']),
  max_age: z.number().int(),
  duplicate_window: z.number().int(),
  max_msg_size: z.number().int(),
  num_replicas: z.number().int().min(1).max(5),
});
export type StreamDefinition = z.infer<typeof streamDefinition>;

export const consumerDefinition = z.object({
  durable_name: z.string(),
  filter_subject: z.string(),
  ack_policy: z.literal('explicit'),
  deliver_policy: z.literal('all'),
  ack_wait: z.number().int(),
  max_deliver: z.number().int(),
  max_ack_pending: z.number().int(),
  description: z.string(),
});
export type ConsumerDefinition = z.infer<typeof consumerDefinition>;

export const jetStreamDefinitions = z.object({
  rosterVersion: z.number().int(),
  stream: streamDefinition,
  consumers: z.array(consumerDefinition),
});
export type JetStreamDefinitions = z.infer<typeof jetStreamDefinitions>;

/** `replicas` is 3 on a three-node cluster (docs/deploy.zh-CN.md), 1 on a single exchange server. */
export function jetStreamDefinitionsFor(content: Roster, replicas = 1): JetStreamDefinitions {
  return {
    rosterVersion: content.version,
    stream: {
      name: STREAM_NAME,
      subjects: [...STREAM_SUBJECTS],
      // Work queue: each inbox has exactly one consumer, and an acknowledged batch is no longer needed.
      retention: 'workqueue',
      storage: 'file',
      discard: 'old',
      max_age: STREAM_MAX_AGE_MS * NS_PER_MS,
      duplicate_window: DUPLICATE_WINDOW_MS * NS_PER_MS,
      max_msg_size: 1024 * 1024,
      num_replicas: replicas,
    },
    consumers: content.stations.map((s) => ({
      durable_name: consumerName(s.code),
      filter_subject: inboxSubject(s.code),
      ack_policy: 'explicit' as const,
      deliver_policy: 'all' as const,
      ack_wait: 60_000 * NS_PER_MS,
      max_deliver: -1,
      max_ack_pending: 1000,
      // For the exchange operators (NATS tooling), not the UI: the station name is data, the rest English.
      description: `Inbox of ${s.name} (${s.code})`,
    })),
  };
}
