import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { SealedError } from '../../shared/provisioning/sealed';
import { addGroup, addStation, exchangeConfig, exportPackage, init, list, rotateStation, setMinClientVersion, signRosterCommand, type AdminContext } from './commands';
import { exchangeSetup } from './exchange-setup';
import { officePassphrase } from './passphrase';
import { AdminError } from './workspace';

const usage = `YRD 一体化办公室管理工具 · integration office admin tool

npm run admin -- <command> [options]      (every command takes --dir <workspace>, default ./yrd-office,
                                            and --passphrase-env <VAR>, default YRD_OFFICE_PASSPHRASE)
  init            --issuer <name> [--exchange-url wss://host:port]    create the root key and the workspace
  group add       --id <id> --name <name>                             add a neighbour group (协作组)
  station add     --code <12 digits> --name <name> --province <310000…> --district <6 digits>
                  [--district-name <name>] --groups <id,id>           add a station and its key pair
  station rotate  --code <code>                                       new key pair for a station
  roster sign                                                         sign the next roster version
  roster min-version --version <x.y.z> [--contact <who to ask>]       stations below it are told to upgrade
  roster min-version --clear                                          (both take effect with the next roster sign)
  package export  --code <code> [--out <file>]                        sealed package + one-time passphrase
  exchange config --host <ip> --port <n> --ws-port <n> --store-dir <dir>
                  [--tls-cert <file> --tls-key <file>] [--out <dir>] [--server-name <name>]
                  [--cluster <ip1,ip2,ip3> --tls-ca <file> [--cluster-port 6222] [--cluster-name yrd-exchange]]
                                                                      one server, or each node of a three-node cluster (R3)
                  [--max-age-days 60] [--inbox-max-messages 10000] [--author-max-mib 2048]
  exchange setup  --server nats://host:port [--definitions <jetstream.json>] [--tls-ca <ca.crt>]
                                                                      create the streams and consumers
  list                                                                show the workspace`;

const options = {
  dir: { type: 'string', default: 'yrd-office' },
  'passphrase-env': { type: 'string', default: 'YRD_OFFICE_PASSPHRASE' },
  issuer: { type: 'string' },
  'exchange-url': { type: 'string' },
  id: { type: 'string' },
  name: { type: 'string' },
  code: { type: 'string' },
  province: { type: 'string' },
  district: { type: 'string' },
  'district-name': { type: 'string' },
  groups: { type: 'string', default: '' },
  out: { type: 'string' },
  host: { type: 'string', default: '0.0.0.0' },
  port: { type: 'string', default: '4222' },
  'ws-port': { type: 'string', default: '8443' },
  'store-dir': { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'tls-ca': { type: 'string' },
  cluster: { type: 'string' },
  'cluster-port': { type: 'string', default: '6222' },
  'cluster-name': { type: 'string', default: 'yrd-exchange' },
  server: { type: 'string' },
  'server-name': { type: 'string' },
  definitions: { type: 'string' },
  'max-age-days': { type: 'string' },
  'inbox-max-messages': { type: 'string' },
  'author-max-mib': { type: 'string' },
  version: { type: 'string' },
  contact: { type: 'string' },
  clear: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

function required(values: Values, name: keyof Values): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new AdminError(`缺少 --${name} (missing --${name})`);
  return value;
}

/** An optional positive whole number option, or undefined when not given. */
function count(values: Values, name: 'max-age-days' | 'inbox-max-messages' | 'author-max-mib'): number | undefined {
  const text = values[name];
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new AdminError(`--${name} 不是正整数 (not a positive whole number)`);
  return n;
}

function port(values: Values, name: 'port' | 'ws-port' | 'cluster-port'): number {
  const n = Number(required(values, name));
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new AdminError(`--${name} 不是端口号 (not a port)`);
  return n;
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true });
  const command = positionals.join(' ');
  if (values.help || command === '') {
    console.log(usage);
    return;
  }
  let cached: string | null = null;
  const ctx: AdminContext = {
    dir: values.dir,
    passphrase: async () => (cached ??= await officePassphrase(values['passphrase-env'], command === 'init')),
    out: (line) => console.log(line),
  };
  switch (command) {
    case 'init':
      return init(ctx, { issuer: required(values, 'issuer'), ...(values['exchange-url'] ? { exchangeUrl: values['exchange-url'] } : {}) });
    case 'group add':
      return addGroup(ctx, { id: required(values, 'id'), name: required(values, 'name') });
    case 'station add':
      return addStation(ctx, {
        code: required(values, 'code'),
        name: required(values, 'name'),
        province: required(values, 'province'),
        districtCode: required(values, 'district'),
        ...(values['district-name'] ? { districtName: values['district-name'] } : {}),
        groups: values.groups.split(',').map((g) => g.trim()).filter(Boolean),
      });
    case 'station rotate':
      return rotateStation(ctx, { code: required(values, 'code') });
    case 'roster sign':
      await signRosterCommand(ctx);
      return;
    case 'roster min-version':
      return setMinClientVersion(ctx, {
        clear: values.clear,
        ...(values.version ? { version: values.version } : {}),
        ...(values.contact !== undefined ? { contact: values.contact } : {}),
      });
    case 'package export':
      await exportPackage(ctx, { code: required(values, 'code'), ...(values.out ? { out: values.out } : {}) });
      return;
    case 'exchange config':
      await exchangeConfig(ctx, {
        host: values.host,
        port: port(values, 'port'),
        websocketPort: port(values, 'ws-port'),
        storeDir: required(values, 'store-dir'),
        ...(values['tls-cert'] ? { tlsCert: values['tls-cert'] } : {}),
        ...(values['tls-key'] ? { tlsKey: values['tls-key'] } : {}),
        ...(values['tls-ca'] ? { tlsCa: values['tls-ca'] } : {}),
        ...(values.cluster ? { cluster: { hosts: values.cluster.split(',').map((h) => h.trim()).filter(Boolean), port: port(values, 'cluster-port'), name: values['cluster-name'] } } : {}),
        ...(values.out ? { out: values.out } : {}),
        ...(values['server-name'] ? { serverName: values['server-name'] } : {}),
        limits: { maxAgeDays: count(values, 'max-age-days'), inboxMaxMessages: count(values, 'inbox-max-messages'), authorMaxMib: count(values, 'author-max-mib') },
      });
      return;
    case 'exchange setup':
      return exchangeSetup(ctx, {
        server: required(values, 'server'),
        ...(values.definitions ? { definitions: values.definitions } : {}),
        ...(values['tls-ca'] ? { caFile: values['tls-ca'] } : {}),
      });
    case 'list':
      return list(ctx);
    default:
      throw new AdminError(`未知命令 (unknown command): ${command}\n\n${usage}`);
  }
}

function explain(error: unknown): string {
  if (error instanceof AdminError) return error.message;
  if (error instanceof SealedError && error.code === 'wrongPassphrase') return '办公室口令错误 (wrong office passphrase)';
  if (error instanceof SealedError) return `办公室密钥文件无法读取 (office secrets unreadable): ${error.code}`;
  if (error instanceof ZodError) return `输入无效 (invalid input): ${error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`;
  return error instanceof Error ? error.message : String(error);
}

run(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`错误 error: ${explain(error)}`);
  process.exitCode = 1;
});
