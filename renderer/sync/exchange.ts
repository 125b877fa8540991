import { nkeyAuthenticator, wsconnect, type ConnectionOptions, type NatsConnection } from '@nats-io/nats-core';
import { jetstream, type ConsumerMessages, type JetStreamClient, type JsMsg } from '@nats-io/jetstream';
import type { SignedBatch } from '@shared/sync/batch';
import { userNKeySeed } from '@shared/sync/nkey';
import { STREAM_NAME, consumerName, inboxSubject, replyInboxPrefix } from '@shared/sync/subjects';
import { encodeJsonGzip } from '@shared/sync/wire';
import { pipelined } from './pipeline';

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
  /** Publishes one batch to the peer's inbox and resolves on the stream's acknowledgement. */
  publish(batch: SignedBatch): Promise<{ bytes: number; duplicate: boolean }>;
  /**
   * Reads this station's inbox until `stop()`. Each message is prepared as it arrives (checked while the one before
   * commits), then committed in order and acked after its commit answers 'ack'.
   */
  consume<P>(handler: InboxHandler<P>): Promise<{ stop(): void }>;
  close(): Promise<void>;
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
    const ack = await js.publish(inboxSubject(batch.to), data, { msgID: batch.id, expect: { streamName: STREAM_NAME } });
    return { bytes: data.length, duplicate: ack.duplicate };
  }

  async function consume<P>(handler: InboxHandler<P>): Promise<{ stop(): void }> {
    const consumer = await js.consumers.get(STREAM_NAME, consumerName(self.code));
    const messages: ConsumerMessages = await consumer.consume({ max_messages: 16 });
    const commit = async (prepared: Promise<P>, message: JsMsg): Promise<void> => {
      let outcome: Delivery = 'retry';
      try {
        outcome = await handler.commit(prepared);
      } catch {
        outcome = 'retry';
      }
      if (outcome === 'ack') message.ack();
      else message.nak(2000);
    };
    pipelined(messages, { prepare: (message) => handler.prepare(message.data), commit }).catch(async () => {
      // The inbox stopped reading (the connection closed under it, or its consumer vanished). With the connection
      // still open, drop it: the engine then reconnects and consumes anew rather than sitting deaf.
      if (!connection.isClosed()) await connection.close().catch(() => undefined);
    });
    return { stop: () => void messages.close() };
  }

  return { connection, publish, consume, close: () => connection.close() };
}
