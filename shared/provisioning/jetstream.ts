import { z } from 'zod';
import { neighboursOf, type Roster } from '../sync/roster';
import { DUPLICATE_WINDOW_MS, authorSubjects, consumerName, inboxSubject, streamName } from '../sync/subjects';

/**
 * The JetStream objects of the exchange, as JSON in the server's own field names (durations in nanoseconds), so
 * the operator can apply them with the admin tool or with `nats stream add --config` / `nats consumer add --config`.
 * One stream per author station (what it sent, one subject per recipient); on it, one durable pull consumer per
 * recipient neighbour, filtered to that recipient's subject (docs/PROTOCOL.md §Exchange).
 */

const NS_PER_MS = 1_000_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The exchange's bounds, chosen by the integration office (`exchange config --max-age-days …`). */
export const exchangeLimits = z.object({
  /** A batch waits at most this long for an offline recipient; past it, the author resends from the recipient's cursor. */
  maxAgeDays: z.number().int().min(1).max(3650),
  /** Quota of one inbox per author: batches waiting from one author for one recipient. */
  inboxMaxMessages: z.number().int().min(1).max(1_000_000),
  /** Quota of one author over all the inboxes it writes to, in bytes. */
  authorMaxBytes: z.number().int().min(1024 * 1024),
  /** Largest message (one gzip batch). */
  maxMessageBytes: z.number().int().min(64 * 1024).max(8 * 1024 * 1024),
  /**
   * Unacknowledged this long, a message is delivered again; stations send in-progress heartbeats meanwhile. It is
   * also how long a station that crashed mid-apply waits before the batches its dead page held come again, so it
   * is short (2 s): the window runs without background throttling (electron/main/window.ts), so heartbeats keep
   * their pace while the app is minimised.
   */
  ackWaitMs: z.number().int().min(200).max(600_000),
});
export type ExchangeLimits = z.infer<typeof exchangeLimits>;

export const DEFAULT_EXCHANGE_LIMITS: ExchangeLimits = {
  maxAgeDays: 60,
  inboxMaxMessages: 10_000,
  authorMaxBytes: 2 * 1024 * 1024 * 1024,
  maxMessageBytes: 1024 * 1024,
  ackWaitMs: 2_000,
};

export const streamDefinition = z.object({
  name: z.string(),
  description: z.string(),
  subjects: z.array(z.string()).min(1),
  retention: z.enum(['limits', 'interest', 'workqueue']),
  storage: z.enum(['file', 'memory']),
  discard: z.enum(['old', 'new']),
  discard_new_per_subject: z.boolean(),
  max_age: z.number().int(),
  max_bytes: z.number().int(),
  max_msgs_per_subject: z.number().int(),
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
  limits: exchangeLimits,
  streams: z.array(z.object({ stream: streamDefinition, consumers: z.array(consumerDefinition) })),
});
export type JetStreamDefinitions = z.infer<typeof jetStreamDefinitions>;

/** `replicas` is 3 on a three-node cluster (docs/deploy.zh-CN.md), 1 on a single exchange server. */
export function jetStreamDefinitionsFor(content: Roster, replicas = 1, limits: ExchangeLimits = DEFAULT_EXCHANGE_LIMITS): JetStreamDefinitions {
  const maxAge = Math.round(limits.maxAgeDays * DAY_MS * NS_PER_MS);
  const streams = content.stations.map((author) => ({
    stream: {
      name: streamName(author.code),
      // For the exchange operators (NATS tooling), not the UI: the station name is data, the rest English.
      description: `Sent by ${author.name} (${author.code})`,
      subjects: authorSubjects(author.code),
      // Work queue: each subject has exactly one consumer, and an acknowledged batch is no longer needed.
      retention: 'workqueue' as const,
      storage: 'file' as const,
      // Over quota the exchange refuses new batches (the author retries later) rather than dropping waiting ones;
      // per subject, so one full inbox does not stop the author's other deliveries.
      discard: 'new' as const,
      discard_new_per_subject: true,
      max_age: maxAge,
      max_bytes: limits.authorMaxBytes,
      max_msgs_per_subject: limits.inboxMaxMessages,
      // JetStream refuses a dedupe window longer than the stream keeps messages (only short test retentions hit it).
      duplicate_window: Math.min(DUPLICATE_WINDOW_MS * NS_PER_MS, maxAge),
      max_msg_size: limits.maxMessageBytes,
      num_replicas: replicas,
    },
    consumers: neighboursOf(content, author.code).map((recipient) => ({
      durable_name: consumerName(recipient.code),
      filter_subject: inboxSubject(recipient.code, author.code),
      ack_policy: 'explicit' as const,
      deliver_policy: 'all' as const,
      ack_wait: limits.ackWaitMs * NS_PER_MS,
      max_deliver: -1,
      // Bounds what a station holds unacknowledged per neighbour (and so what it must keep heart-beating).
      max_ack_pending: 32,
      description: `Inbox of ${recipient.name} (${recipient.code}) from ${author.code}`,
    })),
  }));
  return { rosterVersion: content.version, limits, streams };
}
