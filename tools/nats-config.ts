/**
 * Writes the exchange's nats-server configuration for a trust roster, and optionally creates the streams and the
 * stations' consumers on a running server.
 *
 *   npx tsx --tsconfig tsconfig.node.json tools/nats-config.ts [--roster signed-roster.json] [--out nats.conf]
 *       [--host 127.0.0.1] [--port 4222] [--ws-port 8080] [--store ./jetstream] [--operator-public <hex>]
 *       [--tls-cert cert.pem --tls-key key.pem] [--setup nats://127.0.0.1:4222]   (setup reads YRD_OPERATOR_SEED, hex)
 *
 * Without --roster it uses the DEMO network (and the demo operator key): fine for trying the app, never for real.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connect } from '@nats-io/transport-node';
import { nkeyAuthenticator } from '@nats-io/nats-core';
import { DEMO_EXCHANGE_OPERATOR, signedDemoRoster } from '../shared/demo/demo-network';
import { natsServerConfig } from '../shared/sync/nats-config';
import { userNKeySeed } from '../shared/sync/nkey';
import { signedRoster } from '../shared/sync/roster';
import { setupExchange } from './exchange-setup';

const { values } = parseArgs({
  options: {
    roster: { type: 'string' },
    out: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '4222' },
    'ws-port': { type: 'string', default: '8080' },
    store: { type: 'string', default: './jetstream' },
    'operator-public': { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    setup: { type: 'string' },
  },
});

const demo = !values.roster;
const roster = demo ? signedDemoRoster().roster : signedRoster.parse(JSON.parse(readFileSync(values.roster ?? '', 'utf8'))).roster;
const operatorPublic = values['operator-public'] ?? (demo ? DEMO_EXCHANGE_OPERATOR.publicKey : undefined);
if (!operatorPublic) throw new Error('--operator-public is required with a real roster');
const tls = values['tls-cert'] && values['tls-key'] ? { certFile: values['tls-cert'], keyFile: values['tls-key'] } : undefined;
if (!tls && values.host !== '127.0.0.1') console.warn('WARNING: no TLS. Production exchanges must use --tls-cert and --tls-key.');

const config = natsServerConfig(roster, {
  host: values.host,
  port: Number(values.port),
  websocketPort: Number(values['ws-port']),
  storeDir: values.store,
  adminPublicKey: operatorPublic,
  ...(tls ? { tls } : {}),
});
if (values.out) {
  writeFileSync(values.out, config, 'utf8');
  console.log(`wrote ${values.out} (roster v${roster.version}, ${roster.stations.length} stations${demo ? ', DEMO' : ''})`);
} else if (!values.setup) {
  process.stdout.write(config);
}

if (values.setup) {
  const seed = process.env.YRD_OPERATOR_SEED ?? (demo ? DEMO_EXCHANGE_OPERATOR.secretKey : undefined);
  if (!seed) throw new Error('YRD_OPERATOR_SEED (hex) is required with a real roster');
  const nc = await connect({ servers: values.setup, authenticator: nkeyAuthenticator(userNKeySeed(seed)), name: 'yrd-nats-config' });
  try {
    await setupExchange(nc, roster);
    console.log(`stream and ${roster.stations.length} consumers ready on ${values.setup}`);
  } finally {
    await nc.close();
  }
}
