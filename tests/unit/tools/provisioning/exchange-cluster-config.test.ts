import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { addGroup, addStation, exchangeConfig, init, signRosterCommand, type AdminContext } from '../../../../tools/admin/commands';
import { jetStreamDefinitions } from '../../../../shared/provisioning/jetstream';
import { userNKey } from '../../../../shared/sync/nkey';
import { NATS_SERVER_BIN } from '../../../support/nats-server';

/** `exchange config --cluster …`: three node configurations and R3 definitions, checked as text and by nats-server itself. */

const run = promisify(execFile);
let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function office(): Promise<AdminContext & { lines: string[] }> {
  dir = await mkdtemp(join(tmpdir(), 'yrd-admin-cluster-'));
  const lines: string[] = [];
  const ctx = { dir, passphrase: async () => 'the office passphrase', out: (l: string) => void lines.push(l), scryptN: 1 << 10, lines };
  await init(ctx, { issuer: '长三角区域警务一体化办公室' });
  await addGroup(ctx, { id: 'wudi-qisuo', name: '五地七所' });
  await addStation(ctx, { code: '310118520000', name: '蒸淀派出所', province: '310000', districtCode: '310118', groups: ['wudi-qisuo'] });
  await addStation(ctx, { code: '330421520000', name: '姚庄派出所', province: '330000', districtCode: '330421', groups: ['wudi-qisuo'] });
  await signRosterCommand(ctx);
  return ctx;
}

const HOSTS = ['10.31.0.11', '10.31.0.12', '10.31.0.13'];
const TLS = { tlsCert: '/etc/yrd-exchange/tls/exchange.crt', tlsKey: '/etc/yrd-exchange/tls/exchange.key', tlsCa: '/etc/yrd-exchange/tls/ca.crt' };
const base = { host: '0.0.0.0', port: 4222, websocketPort: 8443, storeDir: '/var/lib/yrd-exchange/jetstream' };

describe('exchange config for a three-node cluster', () => {
  it('writes one configuration per node, each routing to the two others, with the single-node users and WebSocket', async () => {
    const ctx = await office();
    const { configs, definitions } = await exchangeConfig(ctx, { ...base, ...TLS, cluster: { hosts: HOSTS, port: 6222, name: 'yrd-exchange' } });
    expect(configs.map((p) => p.slice(dir.length))).toEqual(['/exchange-cluster/yrd-exchange-1/nats-server.conf', '/exchange-cluster/yrd-exchange-2/nats-server.conf', '/exchange-cluster/yrd-exchange-3/nats-server.conf']);
    const texts = await Promise.all(configs.map((p) => readFile(p, 'utf8')));
    const single = await readFile((await exchangeConfig(ctx, { ...base, ...TLS })).configs[0] ?? '', 'utf8');
    const state = JSON.parse(await readFile(join(dir, 'office.json'), 'utf8')) as { stations: { publicKey: string }[]; operatorPublicKey: string };
    texts.forEach((text, i) => {
      expect(text).toContain(`server_name: "yrd-exchange-${i + 1}"`);
      expect(text).toContain(`listen: "${HOSTS[i]}:4222"`);
      expect(text).toContain(`listen: "${HOSTS[i]}:6222"`);
      expect(text).toContain('name: "yrd-exchange"');
      const routes = /routes: \[(.*)\]/.exec(text)?.[1] ?? '';
      expect(routes.split(', ').sort()).toEqual(HOSTS.filter((_, j) => j !== i).map((h) => `"nats-route://${h}:6222"`));
      // Routes are mutual TLS against the office's CA.
      expect(text).toMatch(/cluster \{[\s\S]*ca_file: "\/etc\/yrd-exchange\/tls\/ca.crt"[\s\S]*verify: true[\s\S]*routes/);
      expect(text).toContain('store_dir: "/var/lib/yrd-exchange/jetstream"');
      // Same users, permissions, WebSocket and TLS as the single server: only the addresses, the name and the cluster block differ.
      for (const s of state.stations) expect(text).toContain(userNKey(s.publicKey));
      expect(text).toContain(userNKey(state.operatorPublicKey));
      const withoutNode = (t: string) => t.replace(/cluster \{[\s\S]*?\n\}\n/, '').replace(/server_name: .*\n/, '').replaceAll(HOSTS[i] ?? '', 'HOST').replaceAll('0.0.0.0', 'HOST');
      expect(withoutNode(text)).toBe(withoutNode(single));
    });
    const defs = jetStreamDefinitions.parse(JSON.parse(await readFile(definitions, 'utf8')));
    expect(definitions.slice(dir.length)).toBe('/exchange-cluster/jetstream.json');
    expect(defs.streams.map((s) => s.stream.num_replicas)).toEqual([3, 3]);
    expect(ctx.lines.join('\n')).toContain('R3');
  });

  it('refuses a cluster that is not three distinct nodes, or TLS routes without the CA', async () => {
    const ctx = await office();
    await expect(exchangeConfig(ctx, { ...base, cluster: { hosts: HOSTS.slice(0, 2), port: 6222, name: 'c' } })).rejects.toThrow('3 个节点');
    await expect(exchangeConfig(ctx, { ...base, cluster: { hosts: [HOSTS[0] ?? '', HOSTS[0] ?? '', HOSTS[1] ?? ''], port: 6222, name: 'c' } })).rejects.toThrow('重复');
    await expect(exchangeConfig(ctx, { ...base, tlsCert: TLS.tlsCert, tlsKey: TLS.tlsKey, cluster: { hosts: HOSTS, port: 6222, name: 'c' } })).rejects.toThrow('--tls-ca');
  });

  it('is accepted by nats-server itself (nats-server -t)', async () => {
    const ctx = await office();
    const hosts = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];
    const { configs } = await exchangeConfig(ctx, { ...base, storeDir: join(dir, 'store'), cluster: { hosts, port: 6222, name: 'yrd-exchange' } });
    for (const config of configs) {
      const { stdout, stderr } = await run(NATS_SERVER_BIN, ['-t', '-c', config]);
      expect(`${stdout}${stderr}`).toMatch(/configuration file .* is valid/i);
    }
    // And a broken file is not (the check above can fail).
    const broken = join(dir, 'broken.conf');
    await writeFile(broken, `${await readFile(configs[0] ?? '', 'utf8')}\ncluster {\n`);
    await expect(run(NATS_SERVER_BIN, ['-t', '-c', broken])).rejects.toThrow();
  });
});
