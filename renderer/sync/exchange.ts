import { nkeyAuthenticator, wsconnect, type ConnectionOptions, type NatsConnection } from '@nats-io/nats-core';
import { jetstream, type ConsumerMessages, type JetStreamClient, type JsMsg } from '@nats-io/jetstream';
import type { SignedBatch } from '@shared/sync/batch';
import { userNKeySeed } from '@shared/sync/nkey';
import { authorOfStream, consumerName, inboxSubject, messageId, replyInboxPrefix, streamName } from '@shared/sync/subjects';
import { encodeJsonGzip } from '@shared/sync/wire';
import { pipelined } from './pipeline';
import { MergedQueue } from './merged-queue';

/** How to open a NATS connection: `wsconnect` in the browser; tests inject the Node transport's `connect`. */
export type ConnectFn = (options: ConnectionOptions) => Promise<NatsConnection>;
export const browserConnect: ConnectFn = (options) => wsconnect(options);

export interface ExchangeIdentity {
  code: string;
  secretKey: string;
}

/** What the inbox handler tells the exchange: acknowledge (applied or quarantined), or try again later. */
export type Delivery = 'ack' | 'retry';

/** What the inbox does with each message, in the two stages of `pipelined`. */
export interface InboxHandler<P> {
  prepare(data: Uint8Array): Promise<P>;
  commit(prepared: Promise<P>): Promise<Delivery>;
}

export interface Exchange {
  connection: NatsConnection;
  /** Publishes one batch to the peer's inbox (in this station's own stream) and resolves on the stream's acknowledgement. */
  publish(batch: SignedBatch): Promise<{ bytes: number; duplicate: boolean }>;
  /**
   * Reads this station's inbox — its consumer on every neighbour's stream — until `stop()`. Each message is
   * prepared as it arrives (checked while the one before commits), then committed in arrival order (in order per
   * author) and acked after its commit answers 'ack'. Until then it is kept alive with in-progress heartbeats, so
   * the exchange's short ack wait redelivers only what a crashed station left, not what a slow apply still holds.
   */
  consume<P>(handler: InboxHandler<P>): Promise<{ stop(): void }>;
  close(): Promise<void>;
}

/** A new neighbour's stream (a newer roster) is found this often while the connection lasts. */
const RESCAN_MS = 60_000;
const NS_PER_MS = 1_000_000;
const PULL_EXPIRES_MS = 10_000;
/** The server's default ack wait (30 s), should a consumer not state its own. */
const DEFAULT_ACK_WAIT_NS = 30_000 * NS_PER_MS;

/**
 * The author streams on the exchange (their consumers for this station exist only on neighbours' streams). The
 * server answers a page at a time (1024 names): read on until `total` names have come, as a roster may list 5000.
 */
async function authorStreams(connection: NatsConnection): Promise<string[]> {
  const names: string[] = [];
  for (;;) {
    const reply = await connection.request('$JS.API.STREAM.NAMES', JSON.stringify({ offset: names.length }), { timeout: 5000 });
    const body = reply.json<{ streams?: string[] | null; total?: number }>();
    const page = body.streams ?? [];
    names.push(...page);
    if (page.length === 0 || names.length >= (body.total ?? 0)) break;
  }
  return names.filter((name) => authorOfStream(name) !== null);
}

export async function openExchange(url: string, self: ExchangeIdentity, connectFn: ConnectFn): Promise<Exchange> {
  const connection = await connectFn({
    servers: url,
    authenticator: nkeyAuthenticator(userNKeySeed(self.secretKey)),
    inboxPrefix: replyInboxPrefix(self.code),
    name: `yrd-station ${self.code}`,
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1000,
    timeout: 5000,
  });
  // A stream acknowledges within milliseconds; a long wait means the link is gone, and the batch is simply retried.
  const js: JetStreamClient = jetstream(connection, { timeout: 5000 });

  async function publish(batch: SignedBatch): Promise<{ bytes: number; duplicate: boolean }> {
    const data = encodeJsonGzip(batch);
    const ack = await js.publish(inboxSubject(batch.to, batch.from), data, {
      msgID: messageId(batch.from, batch.id),
      expect: { streamName: streamName(batch.from) },
    });
    return { bytes: data.length, duplicate: ack.duplicate };
  }

  async function consume<P>(handler: InboxHandler<P>): Promise<{ stop(): void }> {
    const queue = new MergedQueue<JsMsg>();
    const reading = new Map<string, ConsumerMessages>();
    /** Delivered and neither acked nor nak-ed: each gets an in-progress heartbeat until then. */
    const held = new Set<JsMsg>();
    let heartbeatMs = Number.POSITIVE_INFINITY;

    const attach = async (): Promise<void> => {
      for (const stream of await authorStreams(connection)) {
        if (reading.has(stream) || stream === streamName(self.code)) continue;
        const consumer = await js.consumers.get(stream, consumerName(self.code)).catch(() => null);
        if (!consumer) continue; // not a neighbour's stream
        const info = await consumer.info(true);
        heartbeatMs = Math.min(heartbeatMs, Math.max(100, (info.config.ack_wait ?? DEFAULT_ACK_WAIT_NS) / NS_PER_MS / 3));
        // Pulls expire after 10 s (heartbeats every 5 s): on a cluster whose node or consumer leader changed, a pull
        // lost with it is noticed and renewed within seconds, not after the client's default 30 s.
        const messages = await consumer.consume({ max_messages: 16, expires: PULL_EXPIRES_MS });
        reading.set(stream, messages);
        queue.add(messages, (message) => held.add(message));
      }
    };
    await attach();

    const beat = setInterval(() => {
      for (const message of held) message.working();
    }, Math.min(heartbeatMs, 2000));
    const rescan = setInterval(() => void attach().catch(() => undefined), RESCAN_MS);

    const commit = async (prepared: Promise<P>, message: JsMsg): Promise<void> => {
      let outcome: Delivery = 'retry';
      try {
        outcome = await handler.commit(prepared);
      } catch {
        outcome = 'retry';
      }
      held.delete(message);
      if (outcome === 'ack') message.ack();
      else message.nak(2000);
    };
    const stop = (): void => {
      clearInterval(beat);
      clearInterval(rescan);
      for (const messages of reading.values()) void messages.close();
      queue.end();
    };
    void connection.closed().then(stop);
    pipelined(queue, { prepare: (message) => handler.prepare(message.data), commit })
      .catch(async () => {
        // The inbox stopped reading (the connection closed under it, or a consumer vanished). With the connection
        // still open, drop it: the engine then reconnects and consumes anew rather than sitting deaf.
        if (!connection.isClosed()) await connection.close().catch(() => undefined);
      })
      .finally(stop);
    return { stop };
  }

  return { connection, publish, consume, close: () => connection.close() };
}
