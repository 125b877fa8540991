import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { nkeyAuthenticator } from '@nats-io/nats-core';
import { jetstreamManager } from '@nats-io/jetstream';
import { jetStreamDefinitions } from '../../shared/provisioning/jetstream';
import { userNKeySeed } from '../../shared/sync/nkey';
import type { AdminContext } from './commands';
import { loadSecrets, workspacePaths } from './workspace';

/**
 * 交换节点初始化: creates (or updates) the stream and every station's durable consumer on a running exchange,
 * connected as the exchange operator. Run after each new roster, once the server has reloaded its configuration.
 */
export async function exchangeSetup(ctx: AdminContext, args: { server: string; definitions?: string }): Promise<void> {
  const path = args.definitions ?? join(workspacePaths(ctx.dir).exchange, 'jetstream.json');
  const defs = jetStreamDefinitions.parse(JSON.parse(await readFile(path, 'utf8')));
  const secrets = await loadSecrets(ctx.dir, { passphrase: await ctx.passphrase() });
  const nc = await connect({ servers: args.server, authenticator: nkeyAuthenticator(userNKeySeed(secrets.operatorSecretKey)), name: 'yrd-admin' });
  try {
    const jsm = await jetstreamManager(nc);
    const existing = await jsm.streams.info(defs.stream.name).catch(() => null);
    if (existing) await jsm.streams.update(defs.stream.name, defs.stream);
    else await jsm.streams.add(defs.stream);
    ctx.out(`stream ${defs.stream.name} ${existing ? 'updated' : 'created'}`);
    const wanted = new Set(defs.consumers.map((c) => c.durable_name));
    for (const consumer of defs.consumers) {
      await jsm.consumers.add(defs.stream.name, consumer);
      ctx.out(`consumer ${consumer.durable_name} ready`);
    }
    // A station removed from the roster loses its consumer: nothing should wait for it any more.
    for await (const info of jsm.consumers.list(defs.stream.name)) {
      if (!wanted.has(info.name)) {
        await jsm.consumers.delete(defs.stream.name, info.name);
        ctx.out(`consumer ${info.name} removed`);
      }
    }
  } finally {
    await nc.close();
  }
}
