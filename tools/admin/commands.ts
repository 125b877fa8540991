import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { provinceCode } from '../../shared/domain/province';
import { utf8 } from '../../shared/bytes';
import { DEFAULT_EXCHANGE_LIMITS, exchangeLimits, jetStreamDefinitionsFor, type ExchangeLimits } from '../../shared/provisioning/jetstream';
import { isLoopbackHost } from '../../shared/provisioning/exchange-url';
import type { OfficeSecrets, OfficeState } from '../../shared/provisioning/office';
import { exchangeUrl, packageFileName, packageMeta, provisioningPackage, rootFingerprint } from '../../shared/provisioning/package';
import { seal } from '../../shared/provisioning/sealed';
import { lookupDivision } from '../../shared/validation/division-names';
import { generateKeyPair, keyPairFromSeed } from '../../shared/sync/keys';
import { CLUSTER_SIZE, natsClusterConfigs, natsServerConfig, type NatsConfigOptions } from '../../shared/sync/nats-config';
import { roster, rosterGroup, rosterStation, signRoster, signedRoster, type Roster, type SignedRoster } from '../../shared/sync/roster';
import { hexToBytes } from '@noble/hashes/utils.js';
import { webCryptoAesGcm } from '../../shared/provisioning/aes-gcm';
import { oneTimePassphrase } from './passphrase';
import { AdminError, exists, loadSecrets, loadState, saveSecrets, saveState, workspacePaths } from './workspace';

/** What every command gets: the workspace, the office passphrase (asked only when a secret is needed), output. */
export interface AdminContext {
  dir: string;
  passphrase: () => Promise<string>;
  out: (line: string) => void;
  now?: () => Date;
  /** Tests only: cheaper key derivation for the office secrets and packages. */
  scryptN?: number;
}

const nowOf = (ctx: AdminContext) => (ctx.now ?? (() => new Date()))();
const secretsOptions = async (ctx: AdminContext) => ({ passphrase: await ctx.passphrase(), ...(ctx.scryptN ? { scryptN: ctx.scryptN } : {}) });

async function withSecrets(ctx: AdminContext, change: (secrets: OfficeSecrets) => void | Promise<void>): Promise<void> {
  const options = await secretsOptions(ctx);
  const secrets = await loadSecrets(ctx.dir, options);
  await change(secrets);
  await saveSecrets(ctx.dir, secrets, options);
}

/** 创建根密钥: a new workspace with the office's root key and the exchange operator key. */
export async function init(ctx: AdminContext, args: { issuer: string; exchangeUrl?: string }): Promise<void> {
  if (await exists(workspacePaths(ctx.dir).state)) throw new AdminError(`工作区已存在 (workspace exists): ${ctx.dir}`);
  const root = generateKeyPair();
  const operator = generateKeyPair();
  const state: OfficeState = {
    format: 'yrd-office',
    version: 1,
    issuer: args.issuer,
    rootPublicKey: root.publicKey,
    operatorPublicKey: operator.publicKey,
    groups: [],
    stations: [],
    rosterVersion: 0,
    exchangeUrl: args.exchangeUrl ? exchangeUrl.parse(args.exchangeUrl) : null,
  };
  await saveState(ctx.dir, state);
  await saveSecrets(ctx.dir, { rootSecretKey: root.secretKey, operatorSecretKey: operator.secretKey, stations: {} }, await secretsOptions(ctx));
  ctx.out(`根密钥已创建 root key created. Fingerprint 指纹: ${rootFingerprint(root.publicKey)}`);
}

export async function addGroup(ctx: AdminContext, args: { id: string; name: string }): Promise<void> {
  const state = await loadState(ctx.dir);
  const group = rosterGroup.parse(args);
  if (state.groups.some((g) => g.id === group.id)) throw new AdminError(`协作组已存在 (group exists): ${group.id}`);
  await saveState(ctx.dir, { ...state, groups: [...state.groups, group] });
  ctx.out(`协作组 group ${group.id} ${group.name}`);
}

export interface StationArgs {
  code: string;
  name: string;
  province: string;
  districtCode: string;
  districtName?: string;
  groups: string[];
}

function checkStationFacts(state: OfficeState, args: StationArgs): void {
  const province = provinceCode.parse(args.province);
  if (!args.districtCode.startsWith(province.slice(0, 2))) throw new AdminError(`区县代码 ${args.districtCode} 不属于省 ${province}`);
  if (!args.code.startsWith(args.districtCode)) throw new AdminError(`机构代码 ${args.code} 的前 6 位应为区县代码 ${args.districtCode}`);
  const unknown = args.groups.filter((g) => !state.groups.some((known) => known.id === g));
  if (unknown.length > 0) throw new AdminError(`未知协作组 (unknown groups): ${unknown.join(', ')}`);
  if (state.stations.some((s) => s.code === args.code)) throw new AdminError(`站所已存在 (station exists): ${args.code}`);
}

/** 添加站所: its facts and a fresh key pair; the secret goes to the sealed office secrets only. */
export async function addStation(ctx: AdminContext, args: StationArgs): Promise<void> {
  const state = await loadState(ctx.dir);
  checkStationFacts(state, args);
  const districtName = args.districtName ?? lookupDivision(args.districtCode)?.name;
  if (!districtName) throw new AdminError(`未知区县代码 (unknown district) ${args.districtCode}: give --district-name`);
  const keys = generateKeyPair();
  const station = rosterStation.parse({ ...args, districtName, publicKey: keys.publicKey });
  await withSecrets(ctx, (secrets) => {
    secrets.stations[station.code] = keys.secretKey;
  });
  await saveState(ctx.dir, { ...state, stations: [...state.stations, station] });
  ctx.out(`站所 station ${station.code} ${station.name} added; sign the roster and export its package next`);
}

/** 更换密钥: a new key pair for a station (lost PC, suspected leak); the old key stops working with the next roster. */
export async function rotateStation(ctx: AdminContext, args: { code: string }): Promise<void> {
  const state = await loadState(ctx.dir);
  if (!state.stations.some((s) => s.code === args.code)) throw new AdminError(`没有该站所 (no such station): ${args.code}`);
  const keys = generateKeyPair();
  await withSecrets(ctx, (secrets) => {
    secrets.stations[args.code] = keys.secretKey;
  });
  const stations = state.stations.map((s) => (s.code === args.code ? { ...s, publicKey: keys.publicKey } : s));
  await saveState(ctx.dir, { ...state, stations });
  ctx.out(`站所 ${args.code} 已更换密钥 key rotated; sign the roster, export a new package, regenerate the exchange configuration`);
}

/** 签发名册: the next roster version, signed with the root key. */
export async function signRosterCommand(ctx: AdminContext): Promise<SignedRoster> {
  const state = await loadState(ctx.dir);
  if (state.stations.length === 0) throw new AdminError('名册中没有站所 (no stations yet)');
  const secrets = await loadSecrets(ctx.dir, await secretsOptions(ctx));
  const content: Roster = {
    version: state.rosterVersion + 1,
    issuedAt: nowOf(ctx).toISOString(),
    issuer: state.issuer,
    groups: state.groups,
    stations: state.stations,
    ...(state.minClientVersion ? { minClientVersion: state.minClientVersion } : {}),
    ...(state.minClientVersion && state.upgradeContact ? { upgradeContact: state.upgradeContact } : {}),
  };
  const signed = signRoster(content, secrets.rootSecretKey);
  await writeFile(workspacePaths(ctx.dir).roster, `${JSON.stringify(signed, null, 2)}\n`, 'utf8');
  await saveState(ctx.dir, { ...state, rosterVersion: content.version });
  ctx.out(`名册 roster v${content.version} signed: ${content.stations.length} stations`);
  if (content.minClientVersion) ctx.out(`  最低客户端版本 minimum client version ${content.minClientVersion}`);
  return signed;
}

export async function loadSignedRoster(dir: string, state: OfficeState): Promise<SignedRoster> {
  const path = workspacePaths(dir).roster;
  if (!(await exists(path))) throw new AdminError('尚未签发名册 (no signed roster): run "roster sign"');
  const signed = signedRoster.parse(JSON.parse(await readFile(path, 'utf8')));
  const stale =
    JSON.stringify(signed.roster.stations) !== JSON.stringify(state.stations) ||
    JSON.stringify(signed.roster.groups) !== JSON.stringify(state.groups) ||
    (signed.roster.minClientVersion ?? null) !== (state.minClientVersion ?? null) ||
    (signed.roster.minClientVersion ? (signed.roster.upgradeContact ?? null) !== (state.upgradeContact ?? null) : false);
  if (stale) throw new AdminError('站所或协作组在上次签发后有变化 (stations changed since the roster was signed): run "roster sign"');
  return signed;
}

/**
 * 最低客户端版本: stations below `version` are told (with `contact`, or the issuer) to install the new MSI once the
 * next signed roster reaches them; `clear` removes the minimum. Takes effect with the next `roster sign`.
 */
export async function setMinClientVersion(ctx: AdminContext, args: { version?: string; contact?: string; clear?: boolean }): Promise<void> {
  const state = await loadState(ctx.dir);
  if (args.clear) {
    const { minClientVersion: _version, upgradeContact: _contact, ...rest } = state;
    await saveState(ctx.dir, rest);
    ctx.out('已取消最低客户端版本 minimum client version cleared; sign the roster next');
    return;
  }
  if (!args.version) throw new AdminError('缺少 --version (missing --version), or give --clear');
  const version = roster.shape.minClientVersion.unwrap().safeParse(args.version);
  if (!version.success) throw new AdminError(`版本号无效 (not a version, e.g. 0.2.0): ${args.version}`);
  const contact = args.contact === undefined ? state.upgradeContact : roster.shape.upgradeContact.unwrap().parse(args.contact);
  await saveState(ctx.dir, { ...state, minClientVersion: version.data, ...(contact ? { upgradeContact: contact } : {}) });
  ctx.out(`最低客户端版本 minimum client version ${version.data}${contact ? ` · 联系 contact: ${contact}` : ''}; sign the roster next`);
}

/** 导出开通包: one station's package, sealed under a new one-time passphrase that is printed once, never stored. */
export async function exportPackage(ctx: AdminContext, args: { code: string; out?: string }): Promise<{ path: string; passphrase: string }> {
  const state = await loadState(ctx.dir);
  const signed = await loadSignedRoster(ctx.dir, state);
  const secrets = await loadSecrets(ctx.dir, await secretsOptions(ctx));
  const secretKey = secrets.stations[args.code];
  if (!secretKey || !state.stations.some((s) => s.code === args.code)) throw new AdminError(`没有该站所 (no such station): ${args.code}`);
  if (keyPairFromSeed(hexToBytes(secretKey)).publicKey !== state.stations.find((s) => s.code === args.code)?.publicKey) {
    throw new AdminError('密钥与名册不符 (key does not match the roster)');
  }
  const content = provisioningPackage.parse({
    format: 'yrd-provisioning',
    version: 1,
    createdAt: nowOf(ctx).toISOString(),
    stationCode: args.code,
    stationSecretKey: secretKey,
    rootPublicKey: state.rootPublicKey,
    signedRoster: signed,
    exchange: state.exchangeUrl ? { url: state.exchangeUrl } : null,
  });
  const passphrase = oneTimePassphrase();
  const station = state.stations.find((s) => s.code === args.code) ?? { code: args.code, name: '' };
  const meta = packageMeta(station, content.createdAt, state.rootPublicKey);
  const envelope = await seal(utf8(JSON.stringify(content)), { purpose: 'provisioning-package', passphrase, meta, ...(ctx.scryptN ? { scryptN: ctx.scryptN } : {}) }, webCryptoAesGcm);
  const path = args.out ?? join(workspacePaths(ctx.dir).packages, packageFileName(args.code));
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, JSON.stringify(envelope), { encoding: 'utf8', mode: 0o600 });
  ctx.out(`开通包 package: ${path}`);
  ctx.out(`一次性口令 one-time passphrase: ${passphrase}`);
  return { path, passphrase };
}

export interface ExchangeArgs {
  host: string;
  port: number;
  websocketPort: number;
  storeDir: string;
  tlsCert?: string;
  tlsKey?: string;
  /** The CA that signed every node's certificate: a cluster's routes are mutual TLS. */
  tlsCa?: string;
  out?: string;
  serverName?: string;
  /** A three-node JetStream cluster (docs/deploy.zh-CN.md §7): each node's address, the route port, the cluster name. */
  cluster?: { hosts: string[]; port: number; name: string };
  /** Left out: the defaults (DEFAULT_EXCHANGE_LIMITS). */
  limits?: { maxAgeDays?: number | undefined; inboxMaxMessages?: number | undefined; authorMaxMib?: number | undefined };
}

function limitsOf(given: NonNullable<ExchangeArgs['limits']>): ExchangeLimits {
  return exchangeLimits.parse({
    ...DEFAULT_EXCHANGE_LIMITS,
    ...(given.maxAgeDays ? { maxAgeDays: given.maxAgeDays } : {}),
    ...(given.inboxMaxMessages ? { inboxMaxMessages: given.inboxMaxMessages } : {}),
    ...(given.authorMaxMib ? { authorMaxBytes: given.authorMaxMib * 1024 * 1024 } : {}),
  });
}

/** 集群节点名: yrd-exchange-1 … -3, unless `--server-name` gives the prefix. */
const clusterNodeName = (prefix: string, index: number): string => `${prefix}-${index + 1}`;

/** The files for a cluster: one directory per node (its nats-server.conf), one R3 jetstream.json for all. */
async function writeClusterConfig(ctx: AdminContext, args: ExchangeArgs & { cluster: NonNullable<ExchangeArgs['cluster']> }, signed: SignedRoster, operatorPublicKey: string, limits: ExchangeLimits): Promise<{ configs: string[]; definitions: string }> {
  const { hosts, port, name } = args.cluster;
  if (hosts.length !== CLUSTER_SIZE) throw new AdminError(`--cluster 需要 ${CLUSTER_SIZE} 个节点地址 (a cluster has ${CLUSTER_SIZE} nodes, comma-separated)`);
  if (new Set(hosts).size !== hosts.length) throw new AdminError('--cluster 的节点地址重复 (node addresses repeat)');
  if (args.tlsCert && !args.tlsCa) throw new AdminError('集群的节点间连接需要 --tls-ca (cluster routes need --tls-ca, the CA of the node certificates)');
  const prefix = args.serverName ?? 'yrd-exchange';
  const nodes = hosts.map((host, i) => ({ serverName: clusterNodeName(prefix, i), host, port: args.port, websocketPort: args.websocketPort, clusterPort: port, storeDir: args.storeDir }));
  const tls = args.tlsCert && args.tlsKey && args.tlsCa ? { certFile: args.tlsCert, keyFile: args.tlsKey, caFile: args.tlsCa } : undefined;
  const outDir = args.out ?? workspacePaths(ctx.dir).exchangeCluster;
  const configs: string[] = [];
  for (const node of natsClusterConfigs(signed.roster, { name, nodes, adminPublicKey: operatorPublicKey, maxPayload: limits.maxMessageBytes, ...(tls ? { tls } : {}) })) {
    await mkdir(join(outDir, node.serverName), { recursive: true });
    const path = join(outDir, node.serverName, 'nats-server.conf');
    await writeFile(path, node.config, 'utf8');
    configs.push(path);
    ctx.out(`nats-server 配置 config (${node.serverName}): ${path}`);
  }
  const definitions = join(outDir, 'jetstream.json');
  await writeFile(definitions, `${JSON.stringify(jetStreamDefinitionsFor(signed.roster, CLUSTER_SIZE, limits), null, 2)}\n`, 'utf8');
  ctx.out(`JetStream 定义 definitions (R${CLUSTER_SIZE}): ${definitions}`);
  return { configs, definitions };
}

/**
 * 交换节点配置: nats-server configuration and the JetStream definitions, both from the signed roster — for one
 * server, or with `cluster` for each node of a three-node cluster and R3 streams.
 */
export async function exchangeConfig(ctx: AdminContext, args: ExchangeArgs): Promise<{ configs: string[]; definitions: string }> {
  const state = await loadState(ctx.dir);
  const signed = await loadSignedRoster(ctx.dir, state);
  const limits = limitsOf(args.limits ?? {});
  if (!(args.tlsCert && args.tlsKey) && !isLoopbackHost(args.cluster?.hosts[0] ?? args.host)) ctx.out('警告 WARNING: no TLS; production exchanges must use --tls-cert and --tls-key');
  const written = args.cluster
    ? await writeClusterConfig(ctx, { ...args, cluster: args.cluster }, signed, state.operatorPublicKey, limits)
    : await writeSingleConfig(ctx, args, signed, state.operatorPublicKey, limits);
  ctx.out(`限额 limits: max age ${limits.maxAgeDays} d, ${limits.inboxMaxMessages} batches per inbox, ${Math.round(limits.authorMaxBytes / 1024 / 1024)} MiB per author, ack wait ${limits.ackWaitMs / 1000} s`);
  return written;
}

async function writeSingleConfig(ctx: AdminContext, args: ExchangeArgs, signed: SignedRoster, operatorPublicKey: string, limits: ExchangeLimits): Promise<{ configs: string[]; definitions: string }> {
  const options: NatsConfigOptions = {
    host: args.host,
    port: args.port,
    websocketPort: args.websocketPort,
    storeDir: args.storeDir,
    adminPublicKey: operatorPublicKey,
    maxPayload: limits.maxMessageBytes,
    ...(args.tlsCert && args.tlsKey ? { tls: { certFile: args.tlsCert, keyFile: args.tlsKey } } : {}),
    ...(args.serverName ? { serverName: args.serverName } : {}),
  };
  const outDir = args.out ?? workspacePaths(ctx.dir).exchange;
  await mkdir(outDir, { recursive: true });
  const config = join(outDir, 'nats-server.conf');
  const definitions = join(outDir, 'jetstream.json');
  await writeFile(config, natsServerConfig(signed.roster, options), 'utf8');
  await writeFile(definitions, `${JSON.stringify(jetStreamDefinitionsFor(signed.roster, 1, limits), null, 2)}\n`, 'utf8');
  ctx.out(`nats-server 配置 config: ${config}`);
  ctx.out(`JetStream 定义 definitions: ${definitions}`);
  return { configs: [config], definitions };
}

export async function list(ctx: AdminContext): Promise<void> {
  const state = await loadState(ctx.dir);
  ctx.out(`${state.issuer} · root ${rootFingerprint(state.rootPublicKey)} · roster v${state.rosterVersion}`);
  if (state.minClientVersion) ctx.out(`  minimum client version ${state.minClientVersion}${state.upgradeContact ? ` · ${state.upgradeContact}` : ''}`);
  for (const g of state.groups) ctx.out(`  group ${g.id} ${g.name}`);
  for (const s of state.stations) ctx.out(`  station ${s.code} ${s.name} ${s.province} ${s.districtCode} ${s.districtName} [${s.groups.join(', ')}]`);
}
