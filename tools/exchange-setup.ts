import type { NatsConnection } from '@nats-io/nats-core';
import { AckPolicy, DeliverPolicy, RetentionPolicy, StorageType, jetstreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import type { Roster } from '../shared/sync/roster';
import { DUPLICATE_WINDOW_MS, STREAM_MAX_AGE_MS, STREAM_NAME, STREAM_SUBJECTS, consumerName, inboxSubject } from '../shared/sync/subjects';

/**
 * What the exchange operator does once per roster (docs/PROTOCOL.md §Exchange): one work-queue stream holding every
 * inbox, and one durable pull consumer per station filtered to its inbox. Stations themselves may not create
 * streams or consumers; their permissions only let them read their own consumer.
 */
export async function setupExchange(nc: NatsConnection, roster: Roster): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const config = {
    name: STREAM_NAME,
    subjects: STREAM_SUBJECTS,
    retention: RetentionPolicy.Workqueue,
    storage: StorageType.File,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    max_age: nanos(STREAM_MAX_AGE_MS),
    max_msg_size: 1024 * 1024,
  };
  try {
    await jsm.streams.info(STREAM_NAME);
    await jsm.streams.update(STREAM_NAME, config);
  } catch {
    await jsm.streams.add(config);
  }
  for (const station of roster.stations) {
    await jsm.consumers.add(STREAM_NAME, {
      durable_name: consumerName(station.code),
      filter_subject: inboxSubject(station.code),
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(60_000),
      max_deliver: -1,
      max_ack_pending: 1000,
    });
  }
}
