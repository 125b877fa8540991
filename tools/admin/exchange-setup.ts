import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { nkeyAuthenticator } from '@nats-io/nats-core';
import { jetStreamDefinitions } from '../../shared/provisioning/jetstream';
import { userNKeySeed } from '../../shared/sync/nkey';
import { applyJetStreamDefinitions } from '../exchange-setup';
import type { AdminContext } from './commands';
import { loadSecrets, workspacePaths } from './workspace';

/**
 * 交换节点初始化: creates (or updates) every author's stream and its consumers on a running exchange, connected as
 * the exchange operator. Run after each new roster, once the server has reloaded its configuration. `definitions`
 * is the jetstream.json written by `exchange config` (exchange-cluster/jetstream.json for a cluster; docs/deploy.zh-CN.md §7);
 * `caFile` the office CA that signed the exchange's certificate.
 */
export async function exchangeSetup(ctx: AdminContext, args: { server: string; definitions?: string; caFile?: string }): Promise<void> {
  const path = args.definitions ?? join(workspacePaths(ctx.dir).exchange, 'jetstream.json');
  const defs = jetStreamDefinitions.parse(JSON.parse(await readFile(path, 'utf8')));
  const secrets = await loadSecrets(ctx.dir, { passphrase: await ctx.passphrase() });
  const nc = await connect({
    servers: args.server,
    authenticator: nkeyAuthenticator(userNKeySeed(secrets.operatorSecretKey)),
    name: 'yrd-admin',
    // The exchange's certificate is signed by the office's own CA (docs/deploy.zh-CN.md §6.1), not a public one.
    ...(args.caFile ? { tls: { caFile: args.caFile } } : {}),
  });
  try {
    await applyJetStreamDefinitions(nc, defs, ctx.out);
    ctx.out(`exchange ready: roster v${defs.rosterVersion}, ${defs.streams.length} author streams, ${path}`);
  } finally {
    await nc.close();
  }
}
