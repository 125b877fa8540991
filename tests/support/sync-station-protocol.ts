import { z } from 'zod';

/**
 * What the Node stations' host (tests/support/sync-station-host.ts, a child process) and the e2e that drives it
 * (tests/e2e/support/node-stations.ts) say to each other: one JSON object per line, validated on both sides.
 * The Chromium stations report the same `StationReport`, read from their IndexedDB, so one check covers all seven.
 */
/** Starts each answer line on the host's stdout. */
export const HOST_ANSWER = '@@yrd-host ';

export const hostRequest = z.discriminatedUnion('cmd', [
  /** Opens these demo stations (fake-indexeddb), gives each the seven-station roster and starts its sync engine. */
  z.object({ id: z.number(), cmd: z.literal('open'), url: z.string(), codes: z.array(z.string()).min(1) }),
  /** One 联调消息 from `from` to `to` (one event, several recipients). */
  z.object({ id: z.number(), cmd: z.literal('send'), from: z.string(), to: z.array(z.string()).min(1), text: z.string() }),
  /** `count` probes from `from` to `to`, written in transactions of a few hundred (a large backlog); `filler` lengthens each text. */
  z.object({ id: z.number(), cmd: z.literal('bulk'), from: z.string(), to: z.array(z.string()).min(1), count: z.number().int().min(1), prefix: z.string(), filler: z.string() }),
  /** Forwards the seven-station roster from `from` to `to` as a `roster.updated` event. */
  z.object({ id: z.number(), cmd: z.literal('roster'), from: z.string(), to: z.array(z.string()).min(1) }),
  z.object({ id: z.number(), cmd: z.literal('report') }),
  z.object({ id: z.number(), cmd: z.literal('stop') }),
]);
export type HostRequest = z.infer<typeof hostRequest>;

export const stationReport = z.object({
  code: z.string(),
  /** Aggregate ids of the probes received (not those sent). */
  received: z.array(z.string()),
  /** How far this station applied each author's stream to it. */
  cursors: z.array(z.object({ author: z.string(), seq: z.number(), hash: z.string() })),
  /** Its own stream to each recipient: last seq written and its hash, and how far the recipient confirmed. */
  heads: z.array(z.object({ peer: z.string(), seq: z.number(), hash: z.string(), acked: z.number() })),
  /** Events in the log per author (own ones under its own code). */
  logCount: z.record(z.string(), z.number()),
  outbox: z.number(),
  /** Outbox rows the exchange has not taken yet (the rest wait for the recipient's cursor). */
  unsent: z.number(),
  pending: z.number(),
  quarantine: z.number(),
  refused: z.number(),
  conflicts: z.number(),
});
export type StationReport = z.infer<typeof stationReport>;

export const hostResponse = z.union([
  z.object({ id: z.number(), ok: z.literal(true), ids: z.array(z.string()).optional(), reports: z.array(stationReport).optional() }),
  z.object({ id: z.number(), ok: z.literal(false), error: z.string() }),
]);
export type HostResponse = z.infer<typeof hostResponse>;
