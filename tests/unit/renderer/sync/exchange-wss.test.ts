import 'fake-indexeddb/auto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO_STATIONS, demoStationKey } from '@shared/demo/demo-network';
import { exchangeUrl } from '@shared/provisioning/exchange-url';
import { SyncEngine } from '@renderer/sync/engine';
import { openExchange, type ConnectFn } from '@renderer/sync/exchange';
import { probesTable } from '@renderer/sync/tables';
import { makeExchangeCertificates, wssConnect, type ExchangeTlsFiles } from '../../../support/exchange-tls';
import { startNatsServer, type TestNatsServer } from '../../../support/nats-server';
import { closeStation, openStation, sendProbe, type TestStation } from './helpers';

/**
 * wss:// as the deploy guide sets it up (docs/deploy.zh-CN.md §6.1): the office's own CA made with `openssl`, the
 * exchange's certificate signed by it, nats-server's WebSocket with TLS from `exchange config --tls-cert/--tls-key`,
 * and Node stations that trust that CA syncing both ways; a station that does not trust it gets nowhere.
 */

const A = DEMO_STATIONS.lvxiang;
const B = DEMO_STATIONS.zhapu;

let work = '';
let tls: ExchangeTlsFiles;
let server: TestNatsServer;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'yrd-wss-'));
  tls = await makeExchangeCertificates(join(work, 'tls'), { dns: 'localhost', ip: '127.0.0.1' });
  server = await startNatsServer({ tls });
}, 60_000);
afterAll(async () => {
  await server?.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function station(code: string): Promise<TestStation> {
  const s = await openStation(code);
  cleanups.push(() => closeStation(s));
  return s;
}

function engine(s: TestStation, connect: ConnectFn): SyncEngine {
  const e = new SyncEngine({ database: s.database, appliers: s.appliers, connect, random: () => 0 });
  cleanups.push(() => e.stop());
  return e;
}

/** 'open', or why the TLS WebSocket handshake failed. */
function handshake(url: string, caFile: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { ca: readFileSync(caFile) });
    socket.once('open', () => {
      socket.close();
      resolve('open');
    });
    socket.once('error', (error) => resolve(error.message));
  });
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('sync over wss:// with the office CA', () => {
  it('serves the WebSocket only with TLS, under a certificate the office CA signed', () => {
    expect(server.wsUrl).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    // A wss:// address to any host is what a station accepts; ws:// only on loopback.
    expect(exchangeUrl.safeParse(server.wsUrl).success).toBe(true);
    expect(readFileSync(tls.certFile, 'utf8')).toContain('BEGIN CERTIFICATE');
  });

  it('syncs a batch each way between two stations that trust the CA', async () => {
    const connect = wssConnect(tls.caFile);
    const [a, b] = [await station(A), await station(B)];
    engine(a, connect).start(server.wsUrl);
    engine(b, connect).start(server.wsUrl);
    const toB = await Promise.all([1, 2, 3].map((i) => sendProbe(a, [B], `吕巷→乍浦 wss ${i}`)));
    const toA = await Promise.all([1, 2].map((i) => sendProbe(b, [A], `乍浦→吕巷 wss ${i}`)));
    await until(async () => (await probesTable(b.database).bulkGet(toB)).every(Boolean) && (await probesTable(a.database).bulkGet(toA)).every(Boolean));
    expect((await probesTable(b.database).get(toB[0] ?? ''))?.text).toBe('吕巷→乍浦 wss 1');
    expect((await probesTable(a.database).get(toA[1] ?? ''))?.text).toBe('乍浦→吕巷 wss 2');
  });

  it('refuses a station that does not trust the CA, and plain ws:// to the TLS port', async () => {
    const self = { code: A, secretKey: demoStationKey(A).secretKey };
    const strangerCa = await makeExchangeCertificates(join(work, 'other-ca'), { dns: 'localhost', ip: '127.0.0.1' });
    await expect(openExchange(server.wsUrl, self, (o) => wssConnect(strangerCa.caFile)({ ...o, reconnect: false, timeout: 3000 }))).rejects.toThrow();
    // Refused for the certificate, not by chance: the same WebSocket with the office CA opens.
    expect(await handshake(server.wsUrl, strangerCa.caFile)).toMatch(/certificate/i);
    expect(await handshake(server.wsUrl, tls.caFile)).toBe('open');
    const plain = server.wsUrl.replace('wss://', 'ws://');
    await expect(openExchange(plain, self, (o) => wssConnect(tls.caFile)({ ...o, reconnect: false, timeout: 3000 }))).rejects.toThrow();
  });
});
