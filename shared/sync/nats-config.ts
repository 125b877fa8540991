import { neighboursOf, type Roster } from './roster';
import { userNKey } from './nkey';
import { inboxSubject, ownInboxApiSubjects, replyInboxPrefix, streamName } from './subjects';

export interface NatsConfigOptions {
  host: string;
  port: number;
  websocketPort: number;
  storeDir: string;
  /** Public key (hex) of the exchange operator, who creates the stream and the stations' consumers. */
  adminPublicKey: string;
  /** Production: certificate and key for TLS on both listeners. Tests on loopback leave it out. */
  tls?: { certFile: string; keyFile: string };
  serverName?: string;
  /** Largest message the server accepts (bytes); at least the streams' max_msg_size. */
  maxPayload?: number;
  /** One node of a JetStream cluster: its route listener and the other nodes' routes (see `natsClusterConfigs`). */
  cluster?: ClusterRoutes;
}

export interface ClusterRoutes {
  name: string;
  host: string;
  port: number;
  /** nats-route://host:port of the other nodes. */
  routes: string[];
  /** Production: routes are mutual TLS, each node's certificate checked against the office's CA. */
  tls?: { certFile: string; keyFile: string; caFile: string };
}

export interface StationPermissions {
  publish: string[];
  subscribe: string[];
}

/**
 * What a station may do on the exchange: publish only to its neighbours' inboxes and only as their author (the last
 * subject token is its own code, so what it sends lands in its own stream and id space), read only its own inbox.
 */
export function stationPermissions(content: Roster, code: string): StationPermissions {
  const neighbours = neighboursOf(content, code).map((s) => inboxSubject(s.code, code));
  return {
    publish: [...neighbours, ...ownInboxApiSubjects(code)],
    subscribe: [`${replyInboxPrefix(code)}.>`],
  };
}

const quote = (text: string): string => JSON.stringify(text);
const list = (items: string[]): string => `[${items.map(quote).join(', ')}]`;

function tlsBlock(options: NatsConfigOptions, indent: string): string[] {
  if (!options.tls) return [`${indent}no_tls: true`];
  return [`${indent}tls {`, `${indent}  cert_file: ${quote(options.tls.certFile)}`, `${indent}  key_file: ${quote(options.tls.keyFile)}`, `${indent}}`];
}

function userBlock(content: Roster, code: string, publicKey: string): string[] {
  const permissions = stationPermissions(content, code);
  return [
    `    # ${code}`,
    `    { nkey: ${quote(userNKey(publicKey))}, permissions: {`,
    `      publish: { allow: ${list(permissions.publish)} }`,
    `      subscribe: { allow: ${list(permissions.subscribe)} }`,
    `    } }`,
  ];
}

/**
 * The nats-server configuration for a roster (a pure function: `tools/nats-config.ts` writes it to a file, tests
 * feed it to their own server). Regenerate and reload the server whenever a new roster is issued.
 */
export function natsServerConfig(content: Roster, options: NatsConfigOptions): string {
  const lines = [
    `# YRD exchange — generated from trust roster v${content.version} (${content.issuedAt}); do not edit by hand.`,
    `server_name: ${quote(options.serverName ?? 'yrd-exchange')}`,
    `listen: ${quote(`${options.host}:${options.port}`)}`,
    ...(options.tls ? ['tls {', `  cert_file: ${quote(options.tls.certFile)}`, `  key_file: ${quote(options.tls.keyFile)}`, '}'] : []),
    `max_payload: ${options.maxPayload ?? 1048576}`,
    `jetstream { store_dir: ${quote(options.storeDir)} }`,
    ...(options.cluster ? clusterBlock(options.cluster) : []),
    'websocket {',
    `  host: ${quote(options.host)}`,
    `  port: ${options.websocketPort}`,
    ...tlsBlock(options, '  '),
    '}',
    'authorization {',
    '  users: [',
    '    # exchange operator: creates the stream and each station\'s durable consumer',
    `    { nkey: ${quote(userNKey(options.adminPublicKey))} }`,
    ...content.stations.flatMap((s) => userBlock(content, s.code, s.publicKey)),
    '  ]',
    '}',
    `# The streams (${streamName('<author>')}, one per station) and their consumers are created by the operator with`,
    '# `npm run admin -- exchange setup` (jetstream.json), not by this file.',
  ];
  return `${lines.join('\n')}\n`;
}

function clusterBlock(cluster: ClusterRoutes): string[] {
  const tls = cluster.tls;
  return [
    'cluster {',
    `  name: ${quote(cluster.name)}`,
    `  listen: ${quote(`${cluster.host}:${cluster.port}`)}`,
    ...(tls
      ? ['  tls {', `    cert_file: ${quote(tls.certFile)}`, `    key_file: ${quote(tls.keyFile)}`, `    ca_file: ${quote(tls.caFile)}`, '    verify: true', '  }']
      : []),
    `  routes: ${list(cluster.routes)}`,
    '}',
  ];
}

/** One node of a cluster: where it listens (clients, stations' WebSocket, routes) and keeps its JetStream files. */
export interface ClusterNode {
  serverName: string;
  host: string;
  port: number;
  websocketPort: number;
  clusterPort: number;
  storeDir: string;
}

export interface NatsClusterOptions {
  name: string;
  nodes: ClusterNode[];
  adminPublicKey: string;
  /** Production: the node's certificate (clients, WebSocket and routes) and the CA that signed every node's. */
  tls?: { certFile: string; keyFile: string; caFile: string };
  maxPayload?: number;
}

/** A JetStream cluster with R3 streams needs three nodes (two keep it writable); more would need a bigger quorum. */
export const CLUSTER_SIZE = 3;

/**
 * The configuration of each node of a three-node JetStream cluster: the single-node configuration (same users,
 * permissions, WebSocket and limits) plus a cluster block routing to the two other nodes. Streams on it are R3
 * (`jetStreamDefinitionsFor(roster, 3)`); the operator creates them once, on any node.
 */
export function natsClusterConfigs(content: Roster, options: NatsClusterOptions): { serverName: string; config: string }[] {
  if (options.nodes.length !== CLUSTER_SIZE) throw new Error(`a cluster has ${CLUSTER_SIZE} nodes, not ${options.nodes.length}`);
  if (new Set(options.nodes.map((n) => n.serverName)).size !== options.nodes.length) throw new Error('cluster nodes need distinct server names');
  const route = (node: ClusterNode): string => `nats-route://${node.host}:${node.clusterPort}`;
  return options.nodes.map((node) => ({
    serverName: node.serverName,
    config: natsServerConfig(content, {
      host: node.host,
      port: node.port,
      websocketPort: node.websocketPort,
      storeDir: node.storeDir,
      adminPublicKey: options.adminPublicKey,
      serverName: node.serverName,
      ...(options.tls ? { tls: { certFile: options.tls.certFile, keyFile: options.tls.keyFile } } : {}),
      ...(options.maxPayload ? { maxPayload: options.maxPayload } : {}),
      cluster: {
        name: options.name,
        host: node.host,
        port: node.clusterPort,
        routes: options.nodes.filter((other) => other !== node).map(route),
        ...(options.tls ? { tls: options.tls } : {}),
      },
    }),
  }));
}
