import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { nkeyAuthenticator } from '@nats-io/nats-core';
import { signedDemoRoster } from '../../shared/demo/demo-network';
import { generateKeyPair, type KeyPair } from '../../shared/sync/keys';
import { CLUSTER_SIZE, natsClusterConfigs, natsServerConfig } from '../../shared/sync/nats-config';
import { userNKeySeed } from '../../shared/sync/nkey';
import type { Roster } from '../../shared/sync/roster';
import { applyJetStreamDefinitions, setupExchange } from '../../tools/exchange-setup';
import { DEFAULT_EXCHANGE_LIMITS, jetStreamDefinitionsFor, type ExchangeLimits } from '../../shared/provisioning/jetstream';

/** Debian installs it in /usr/sbin; NATS_SERVER_BIN overrides. */
export const NATS_SERVER_BIN =
  process.env.NATS_SERVER_BIN ?? ['/usr/bin/nats-server', '/usr/sbin/nats-server', '/usr/local/bin/nats-server'].find((p) => existsSync(p)) ?? 'nats-server';

/** A free TCP port on loopback (the OS picks; we close at once and hand it to nats-server). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = tcpConnect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nats-server did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One nats-server process on a config file: `start` waits until it listens on `ports`; `stop` ends it (SIGTERM, or SIGKILL as a crash). */
function natsProcess(configFile: string, ports: number[]): { start(): Promise<void>; stop(signal?: NodeJS.Signals): Promise<void> } {
  let child: ChildProcess | null = null;
  const start = async (): Promise<void> => {
    const spawned = spawn(NATS_SERVER_BIN, ['-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    child = spawned;
    let log = '';
    spawned.stderr?.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
    });
    try {
      await Promise.all(ports.map((p) => waitForPort(p)));
    } catch (error) {
      throw new Error(`${String(error)}\n${log}`);
    }
  };
  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill(signal);
    });
  };
  return { start, stop };
}

export interface TestNatsServer {
  /** nats://127.0.0.1:port (Node clients) */
  url: string;
  /** ws://127.0.0.1:port (browsers), wss:// with `tls` */
  wsUrl: string;
  port: number;
  wsPort: number;
  storeDir: string;
  admin: KeyPair;
  roster: Roster;
  /** Stops the server (like the exchange going down); the store dir stays, so `start()` brings the same state back. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops and removes the store dir. */
  dispose(): Promise<void>;
}

/**
 * Starts a nats-server for a test: free loopback ports, a temp JetStream store, WebSocket without TLS (or with
 * `tls`: TLS on both listeners, the admin trusting `caFile`), the config
 * generated from the roster (the demo roster unless given), and the streams and consumers set up by the operator
 * (with the default exchange limits, or the ones given: tests of quotas and ack waits use small ones).
 */
export async function startNatsServer(options: { roster?: Roster; limits?: Partial<ExchangeLimits>; tls?: { certFile: string; keyFile: string; caFile: string } } = {}): Promise<TestNatsServer> {
  const roster = options.roster ?? signedDemoRoster().roster;
  const [port, wsPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), 'yrd-nats-'));
  const storeDir = join(dir, 'store');
  const admin = generateKeyPair();
  const configFile = join(dir, 'nats.conf');
  const tls = options.tls ? { certFile: options.tls.certFile, keyFile: options.tls.keyFile } : undefined;
  writeFileSync(configFile, natsServerConfig(roster, { host: '127.0.0.1', port, websocketPort: wsPort, storeDir, adminPublicKey: admin.publicKey, ...(tls ? { tls } : {}) }));
  const { start, stop } = natsProcess(configFile, [port, wsPort]);

  await start();
  const nc = await connect({
    servers: `127.0.0.1:${port}`,
    authenticator: nkeyAuthenticator(userNKeySeed(admin.secretKey)),
    ...(options.tls ? { tls: { caFile: options.tls.caFile } } : {}),
  });
  try {
    await setupExchange(nc, roster, { ...DEFAULT_EXCHANGE_LIMITS, ...options.limits });
  } finally {
    await nc.close();
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    wsUrl: `${options.tls ? 'wss' : 'ws'}://127.0.0.1:${wsPort}`,
    port,
    wsPort,
    storeDir,
    admin,
    roster,
    stop,
    start,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestClusterNode {
  serverName: string;
  /** nats://127.0.0.1:port of this node (Node clients) */
  url: string;
  /** Ends the node (SIGKILL: a crash, no clean shutdown); its store dir stays, so `start()` brings it back. */
  kill(): Promise<void>;
  start(): Promise<void>;
}

export interface TestNatsCluster {
  nodes: TestClusterNode[];
  admin: KeyPair;
  roster: Roster;
  /** Stops every node and removes the store dirs. */
  dispose(): Promise<void>;
}

/** Until `attempt` succeeds (a cluster elects its JetStream leaders a few seconds after the nodes listen). */
async function retrying<T>(attempt: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/**
 * Starts a three-node JetStream cluster on loopback for a test: the node configurations the admin tool writes
 * (`natsClusterConfigs`; with `tls`, TLS on every listener and mutual TLS between the nodes), every port free, a
 * temp store per node, and the operator's streams (R3) and consumers set up once the cluster has a JetStream leader.
 */
export async function startNatsCluster(options: { roster?: Roster; limits?: Partial<ExchangeLimits>; tls?: { certFile: string; keyFile: string; caFile: string } } = {}): Promise<TestNatsCluster> {
  const roster = options.roster ?? signedDemoRoster().roster;
  const dir = mkdtempSync(join(tmpdir(), 'yrd-nats-cluster-'));
  const admin = generateKeyPair();
  const nodes = [];
  for (let i = 1; i <= CLUSTER_SIZE; i += 1) {
    nodes.push({ serverName: `yrd-test-${i}`, host: '127.0.0.1', port: await freePort(), websocketPort: await freePort(), clusterPort: await freePort(), storeDir: join(dir, `store-${i}`) });
  }
  const configs = natsClusterConfigs(roster, { name: 'yrd-test-cluster', nodes, adminPublicKey: admin.publicKey, ...(options.tls ? { tls: options.tls } : {}) });
  const processes = nodes.map((node, i) => {
    const configFile = join(dir, `${node.serverName}.conf`);
    writeFileSync(configFile, configs[i]?.config ?? '');
    return natsProcess(configFile, [node.port, node.websocketPort]);
  });
  const dispose = async (): Promise<void> => {
    await Promise.all(processes.map((p) => p.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all(processes.map((p) => p.start()));
    const nc = await connect({
      servers: nodes.map((n) => `127.0.0.1:${n.port}`),
      authenticator: nkeyAuthenticator(userNKeySeed(admin.secretKey)),
      ...(options.tls ? { tls: { caFile: options.tls.caFile } } : {}),
    });
    try {
      const defs = jetStreamDefinitionsFor(roster, CLUSTER_SIZE, { ...DEFAULT_EXCHANGE_LIMITS, ...options.limits });
      await retrying(() => applyJetStreamDefinitions(nc, defs), 30_000);
    } finally {
      await nc.close();
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return {
    nodes: nodes.map((node, i) => ({
      serverName: node.serverName,
      url: `nats://127.0.0.1:${node.port}`,
      kill: () => processes[i]?.stop('SIGKILL') ?? Promise.resolve(),
      start: () => processes[i]?.start() ?? Promise.resolve(),
    })),
    admin,
    roster,
    dispose,
  };
}
