import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@nats-io/transport-node';
import { nkeyAuthenticator, type NatsConnection } from '@nats-io/nats-core';
import { jetstream } from '@nats-io/jetstream';
import { fromUtf8 } from '../../../../shared/bytes';
import { verifyPackage, type VerifiedPackage } from '../../../../shared/provisioning/package';
import { openSealed, parseSealed } from '../../../../shared/provisioning/sealed';
import { userNKeySeed } from '../../../../shared/sync/nkey';
import { consumerName, inboxSubject, replyInboxPrefix, streamName } from '../../../../shared/sync/subjects';
import { webCryptoAesGcm } from '../../../../shared/provisioning/aes-gcm';

/**
 * The integration office's whole job, through the real command line: from nothing to three stations, a signed
 * roster, three provisioning packages and an exchange configuration; then a real nats-server runs that
 * configuration and the stations' packages are used to connect to it — and it enforces the neighbour groups.
 */

const root = join(import.meta.dirname, '../../../..');
const run = promisify(execFile);
const PASSPHRASE_ENV = 'YRD_TEST_OFFICE_PASSPHRASE';

const A = '310118520000'; // 蒸淀 (沪·青浦), neighbour group 五地七所
const B = '330421520000'; // 姚庄 (浙·嘉善), neighbour group 五地七所
const C = '340104520000'; // 合肥 (皖), only in its own group

let work = '';
let office = '';
let server: ChildProcess | null = null;
let natsPort = 0;
const packages: Record<string, VerifiedPackage> = {};
const connections: NatsConnection[] = [];

async function admin(...args: string[]): Promise<string> {
  const tsx = join(root, 'node_modules/.bin/tsx');
  const { stdout } = await run(tsx, ['--tsconfig', 'tsconfig.node.json', 'tools/admin/index.ts', ...args, '--dir', office, '--passphrase-env', PASSPHRASE_ENV], {
    cwd: root,
    env: { ...process.env, [PASSPHRASE_ENV]: 'integration office passphrase' },
  });
  return stdout;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Debian installs nats-server in /usr/sbin, other systems in /usr/bin or on PATH. */
const natsServerBinary = process.env['NATS_SERVER'] ?? ['/usr/bin/nats-server', '/usr/sbin/nats-server'].find((p) => existsSync(p)) ?? 'nats-server';

function startNats(config: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(natsServerBinary, ['-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.once('error', reject);
    let log = '';
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Server is ready')) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`nats-server exited (${code}): ${log}`)));
  });
}

async function openPackage(stdout: string, code: string): Promise<VerifiedPackage> {
  const passphrase = /one-time passphrase: (\S+)/.exec(stdout)?.[1] ?? '';
  const text = await readFile(join(office, 'packages', `${code}.yrdp`), 'utf8');
  const opened = JSON.parse(fromUtf8(await openSealed(parseSealed(text, 'provisioning-package'), passphrase, webCryptoAesGcm))) as unknown;
  const check = verifyPackage(opened, null);
  if (!check.ok) throw new Error(`package ${code} refused: ${check.reason}`);
  return check.value;
}

/** Connects as a station would: its own NKey (from its package) and its own reply-inbox prefix. */
async function connectAs(code: string): Promise<NatsConnection> {
  const pkg = packages[code];
  if (!pkg) throw new Error(`no package for ${code}`);
  const nc = await connect({
    servers: `nats://127.0.0.1:${natsPort}`,
    authenticator: nkeyAuthenticator(userNKeySeed(pkg.stationSecretKey)),
    inboxPrefix: replyInboxPrefix(code),
    name: code,
  });
  connections.push(nc);
  return nc;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'yrd-admin-'));
  office = join(work, 'office');
  await admin('init', '--issuer', '长三角区域警务一体化办公室', '--exchange-url', 'wss://exchange.yrd.example:8443');
  await admin('group', 'add', '--id', 'wudi-qisuo', '--name', '五地七所');
  await admin('group', 'add', '--id', 'wan-pilot', '--name', '皖试点');
  await admin('station', 'add', '--code', A, '--name', '蒸淀派出所', '--province', '310000', '--district', '310118', '--groups', 'wudi-qisuo');
  await admin('station', 'add', '--code', B, '--name', '姚庄派出所', '--province', '330000', '--district', '330421', '--groups', 'wudi-qisuo');
  await admin('station', 'add', '--code', C, '--name', '合肥试点派出所', '--province', '340000', '--district', '340104', '--district-name', '蜀山区', '--groups', 'wan-pilot');
  expect(await admin('roster', 'sign')).toContain('roster v1 signed: 3 stations');
  for (const code of [A, B, C]) packages[code] = await openPackage(await admin('package', 'export', '--code', code), code);

  natsPort = await freePort();
  const wsPort = await freePort();
  await admin('exchange', 'config', '--host', '127.0.0.1', '--port', String(natsPort), '--ws-port', String(wsPort), '--store-dir', join(work, 'jetstream'), '--max-age-days', '90');
  server = await startNats(join(office, 'exchange', 'nats-server.conf'));
  const setup = await admin('exchange', 'setup', '--server', `nats://127.0.0.1:${natsPort}`);
  for (const code of [A, B, C]) expect(setup).toContain(`stream ${streamName(code)} created`);
}, 180_000);

afterAll(async () => {
  await Promise.all(connections.map((nc) => nc.close().catch(() => undefined)));
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  if (work) await rm(work, { recursive: true, force: true });
});

describe('admin tool → exchange', () => {
  it('gives each station a package that opens with its one-time passphrase and names it in the signed roster', () => {
    expect(packages[A]?.identity).toMatchObject({ code: A, name: '蒸淀派出所', districtName: '青浦区', kind: 'provisioned' });
    expect(packages[B]?.identity).toMatchObject({ code: B, province: '330000', districtName: '嘉善县' });
    expect(packages[C]?.roster.stations.map((s) => s.code)).toEqual([A, B, C]);
    expect(packages[A]?.exchangeUrl).toBe('wss://exchange.yrd.example:8443');
    expect(new Set([A, B, C].map((c) => packages[c]?.stationSecretKey)).size).toBe(3);
  });

  it("writes one stream per author and on it one consumer per neighbour, filtered to that neighbour's inbox", async () => {
    const defs = JSON.parse(await readFile(join(office, 'exchange', 'jetstream.json'), 'utf8')) as {
      streams: { stream: { name: string; max_age: number }; consumers: { durable_name: string; filter_subject: string }[] }[];
    };
    const byName = new Map(defs.streams.map((s) => [s.stream.name, s]));
    expect(byName.get(streamName(A))?.consumers).toEqual([expect.objectContaining({ durable_name: consumerName(B), filter_subject: inboxSubject(B, A) })]);
    expect(byName.get(streamName(C))?.consumers).toEqual([]);
    expect(byName.get(streamName(A))?.stream.max_age).toBe(90 * 24 * 3600 * 1e9);
  });

  it('lets a neighbour deliver to a station, and the station read its own inbox', async () => {
    const a = jetstream(await connectAs(A));
    const ack = await a.publish(inboxSubject(B, A), 'batch from 蒸淀', { msgID: `${A}:batch-1`, timeout: 5000 });
    expect(ack.stream).toBe(streamName(A));
    const b = jetstream(await connectAs(B));
    const consumer = await b.consumers.get(streamName(A), consumerName(B));
    const message = await consumer.next({ expires: 5000 });
    expect(message?.string()).toBe('batch from 蒸淀');
    await message?.ackAck();
  });

  it('refuses a station publishing to a non-neighbour', async () => {
    const a = jetstream(await connectAs(A));
    await expect(a.publish(inboxSubject(C, A), 'not your neighbour', { timeout: 3000 })).rejects.toThrow(/permission/i);
    // Nor under another author's subject (and so in its stream and message-id space).
    await expect(a.publish(inboxSubject(B, C), 'posing as 合肥', { timeout: 3000 })).rejects.toThrow(/permission/i);
  });

  it("refuses a station consuming another station's inbox", async () => {
    const c = await connectAs(C);
    const cjs = jetstream(c);
    await expect(cjs.consumers.get(streamName(A), consumerName(B)).then((consumer) => consumer.next({ expires: 2000 }))).rejects.toThrow(/permission/i);
    // Nor may it listen on the inbox subjects directly, or on another station's replies.
    for (const subject of [inboxSubject(B, A), `${replyInboxPrefix(B)}.>`]) {
      const closedWith = await c.subscribe(subject).closed; // the server's refusal closes the subscription with an error
      expect(closedWith).toBeInstanceOf(Error);
      expect(String(closedWith)).toMatch(/permission/i);
    }
  });

  it('refuses a client that is not in the roster', async () => {
    const stranger = new Uint8Array(32).fill(7);
    await expect(
      connect({ servers: `nats://127.0.0.1:${natsPort}`, authenticator: nkeyAuthenticator(userNKeySeed(Buffer.from(stranger).toString('hex'))), reconnect: false }),
    ).rejects.toThrow(/authoriz/i);
  });
});
