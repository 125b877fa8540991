import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { wsconnect, type NatsConnection, type WsSocketFactory } from '@nats-io/nats-core';
import WebSocket from 'ws';
import type { ConnectFn } from '../../renderer/sync/exchange';

const run = promisify(execFile);

/** The exchange's certificate files, named as docs/deploy.zh-CN.md §6.1 has them in /etc/yrd-exchange/tls/. */
export interface ExchangeTlsFiles {
  dir: string;
  caFile: string;
  certFile: string;
  keyFile: string;
}

const GUIDE = join(import.meta.dirname, '../../docs/deploy.zh-CN.md');
/** The guide's example names, replaced by the test's own. */
const EXAMPLE = { dns: 'exchange.example.gov.cn', ip: '10.31.0.10' };

/** The shell commands of the deploy guide's §6.1 (its first `sh` block), minus the line that makes and enters the folder. */
export function guideCertificateCommands(): string {
  const guide = readFileSync(GUIDE, 'utf8');
  const section = guide.slice(guide.indexOf('### 6.1 '), guide.indexOf('### 6.2 '));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('docs/deploy.zh-CN.md §6.1 has no sh block of certificate commands');
  return block.split('\n').filter((line) => !line.startsWith('mkdir ')).join('\n');
}

/**
 * The office's own CA and one exchange certificate signed by it, made by running the deploy guide's own `openssl`
 * commands (docs/deploy.zh-CN.md §6.1) with the test's names in place of the guide's example names: the guide's
 * instructions are what the wss:// test trusts, so they cannot drift from working ones.
 */
export async function makeExchangeCertificates(dir: string, names: { dns: string; ip: string }): Promise<ExchangeTlsFiles> {
  mkdirSync(dir, { recursive: true });
  const commands = guideCertificateCommands();
  if (!commands.includes(`DNS:${EXAMPLE.dns},IP:${EXAMPLE.ip}`)) throw new Error(`docs/deploy.zh-CN.md §6.1 no longer uses the example names ${EXAMPLE.dns} / ${EXAMPLE.ip}`);
  const script = commands.replaceAll(EXAMPLE.dns, names.dns).replaceAll(EXAMPLE.ip, names.ip);
  await run('bash', ['-euo', 'pipefail', '-c', script], { cwd: dir });
  const at = (file: string) => join(dir, file);
  return { dir, caFile: at('ca.crt'), certFile: at('exchange.crt'), keyFile: at('exchange.key') };
}

/**
 * How a Node station opens wss:// trusting `caFile` only (a station PC trusts the office's CA through its Windows
 * certificate store; Node has no such store, so the test hands the CA to the WebSocket).
 */
export function wssConnect(caFile: string): ConnectFn {
  const ca = readFileSync(caFile);
  const wsFactory: WsSocketFactory = async (url) => {
    // `ws` implements the W3C WebSocket interface the NATS transport uses (onopen, onmessage, binaryType, send).
    const socket = new WebSocket(url, { ca }) as unknown as globalThis.WebSocket;
    return { socket, encrypted: url.startsWith('wss://') };
  };
  return (options): Promise<NatsConnection> => wsconnect({ ...options, wsFactory });
}
