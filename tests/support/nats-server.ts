import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { nkeyAuthenticator } from '@nats-io/nats-core';
import { signedDemoRoster } from '../../shared/demo/demo-network';
import { generateKeyPair, type KeyPair } from '../../shared/sync/keys';
import { natsServerConfig } from '../../shared/sync/nats-config';
import { userNKeySeed } from '../../shared/sync/nkey';
import type { Roster } from '../../shared/sync/roster';
import { setupExchange } from '../../tools/exchange-setup';
import { DEFAULT_EXCHANGE_LIMITS, type ExchangeLimits } from '../../shared/provisioning/jetstream';

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

export interface TestNatsServer {
  /** nats://127.0.0.1:port (Node clients) */
  url: string;
  /** ws://127.0.0.1:port (browsers) */
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
 * Starts a nats-server for a test: free loopback ports, a temp JetStream store, WebSocket without TLS, the config
 * generated from the roster (the demo roster unless given), and the streams and consumers set up by the operator
 * (with the default exchange limits, or the ones given: tests of quotas and ack waits use small ones).
 */
export async function startNatsServer(options: { roster?: Roster; limits?: Partial<ExchangeLimits> } = {}): Promise<TestNatsServer> {
  const roster = options.roster ?? signedDemoRoster().roster;
  const [port, wsPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), 'yrd-nats-'));
  const storeDir = join(dir, 'store');
  const admin = generateKeyPair();
  const configFile = join(dir, 'nats.conf');
  writeFileSync(configFile, natsServerConfig(roster, { host: '127.0.0.1', port, websocketPort: wsPort, storeDir, adminPublicKey: admin.publicKey }));
  let child: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    child = spawn(NATS_SERVER_BIN, ['-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
    });
    try {
      await Promise.all([waitForPort(port), waitForPort(wsPort)]);
    } catch (error) {
      throw new Error(`${String(error)}\n${log}`);
    }
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };

  await start();
  const nc = await connect({ servers: `127.0.0.1:${port}`, authenticator: nkeyAuthenticator(userNKeySeed(admin.secretKey)) });
  try {
    await setupExchange(nc, roster, { ...DEFAULT_EXCHANGE_LIMITS, ...options.limits });
  } finally {
    await nc.close();
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${wsPort}`,
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
