import { utf8 } from '../../../shared/bytes';
import { jetStreamDefinitionsFor } from '../../../shared/provisioning/jetstream';
import { openSealed, seal } from '../../../shared/provisioning/sealed';
import { generateKeyPair } from '../../../shared/sync/keys';
import { natsServerConfig } from '../../../shared/sync/nats-config';
import { signRoster, type Roster } from '../../../shared/sync/roster';
import { webCryptoAesGcm } from '../../../shared/provisioning/aes-gcm';
import { sample, percentile, type BenchCase } from '../lib';

/**
 * Provisioning costs an installer or the office notices: opening a package at the production key-derivation
 * cost (every wrong passphrase costs this much to an attacker too), and generating the exchange configuration
 * for the whole Delta (5,000 stations in 50 neighbour groups).
 */
function bigRoster(stations: number): Roster {
  const key = generateKeyPair().publicKey;
  return {
    version: 1,
    issuedAt: '2026-11-23T08:00:00.000Z',
    issuer: 'bench',
    groups: Array.from({ length: 50 }, (_, g) => ({ id: `group-${g}`, name: `组${g}` })),
    stations: Array.from({ length: stations }, (_, i) => ({
      code: `310118${String(i).padStart(6, '0')}`,
      name: `派出所${i}`,
      province: '310000' as const,
      districtCode: '310118',
      districtName: '青浦区',
      publicKey: key,
      groups: [`group-${i % 50}`],
    })),
  };
}

export const cases: BenchCase[] = [
  {
    name: 'provisioning.node',
    async run() {
      const payload = utf8(JSON.stringify({ roster: signRoster(bigRoster(200), generateKeyPair().secretKey) }));
      const envelope = await seal(payload, { purpose: 'provisioning-package', passphrase: 'ABCD-EFGH-JKMN-PQRS-TUVW' }, webCryptoAesGcm);
      const unseal = await sample(5, () => openSealed(envelope, 'ABCD-EFGH-JKMN-PQRS-TUVW', webCryptoAesGcm));
      const roster = bigRoster(5000);
      const start = performance.now();
      const config = natsServerConfig(roster, { host: '0.0.0.0', port: 4222, websocketPort: 8443, storeDir: '/var/lib/yrd', adminPublicKey: generateKeyPair().publicKey });
      jetStreamDefinitionsFor(roster, 3);
      const configMs = performance.now() - start;
      return [
        { name: 'provisioning.unseal_package_p50_ms', value: percentile(unseal, 50), unit: 'ms' },
        { name: 'provisioning.exchange_config_5000_stations_ms', value: configMs, unit: 'ms' },
        { name: 'provisioning.exchange_config_5000_stations_kib', value: config.length / 1024, unit: 'KiB' },
      ];
    },
  },
];
