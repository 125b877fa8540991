import type { NatsConnection } from '@nats-io/nats-core';
import { jetstreamManager } from '@nats-io/jetstream';
import { DEFAULT_EXCHANGE_LIMITS, jetStreamDefinitionsFor, type ExchangeLimits, type JetStreamDefinitions } from '../shared/provisioning/jetstream';
import type { Roster } from '../shared/sync/roster';
import { authorOfStream } from '../shared/sync/subjects';

/**
 * What the exchange operator does once per roster (docs/PROTOCOL.md §Exchange): one work-queue stream per author
 * station, and on it one durable pull consumer per recipient neighbour. Stations themselves may not create streams
 * or consumers; their permissions only let them read their own consumers. Streams and consumers of stations no
 * longer in the roster are removed: nothing should wait for them any more.
 */
export async function applyJetStreamDefinitions(nc: NatsConnection, defs: JetStreamDefinitions, out: (line: string) => void = () => undefined): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const wantedStreams = new Set(defs.streams.map((s) => s.stream.name));
  for (const { stream, consumers } of defs.streams) {
    const existing = await jsm.streams.info(stream.name).catch(() => null);
    if (existing) await jsm.streams.update(stream.name, stream);
    else await jsm.streams.add(stream);
    out(`stream ${stream.name} ${existing ? 'updated' : 'created'}`);
    const wanted = new Set(consumers.map((c) => c.durable_name));
    for (const consumer of consumers) await jsm.consumers.add(stream.name, consumer);
    out(`${consumers.length} consumers ready on ${stream.name}`);
    for await (const info of jsm.consumers.list(stream.name)) {
      if (wanted.has(info.name)) continue;
      await jsm.consumers.delete(stream.name, info.name);
      out(`consumer ${info.name} removed from ${stream.name}`);
    }
  }
  for await (const name of jsm.streams.names()) {
    if (authorOfStream(name) === null || wantedStreams.has(name)) continue;
    await jsm.streams.delete(name);
    out(`stream ${name} removed`);
  }
}

export async function setupExchange(nc: NatsConnection, roster: Roster, limits: ExchangeLimits = DEFAULT_EXCHANGE_LIMITS): Promise<void> {
  await applyJetStreamDefinitions(nc, jetStreamDefinitionsFor(roster, 1, limits));
}
