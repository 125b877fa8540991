import { describe, expect, it } from 'vitest';
import { DEMO_STATIONS, demoRoster, demoStationKey } from '@shared/demo/demo-network';
import { natsServerConfig, stationPermissions } from '@shared/sync/nats-config';
import { userNKey } from '@shared/sync/nkey';
import { generateKeyPair } from '@shared/sync/keys';
import { inboxSubject } from '@shared/sync/subjects';

const A = DEMO_STATIONS.lvxiang;

describe('exchange configuration from the roster', () => {
  it('lets a station publish only to its neighbours\' inboxes and read only its own', () => {
    const p = stationPermissions(demoRoster, A);
    expect(p.publish).toContain(inboxSubject(DEMO_STATIONS.zhapu, A));
    expect(p.publish).not.toContain(inboxSubject(DEMO_STATIONS.sanlian, A));
    expect(p.publish).not.toContain(inboxSubject(A, A));
    // Only as itself: every inbox subject it may publish to ends in its own code (its own stream and id space).
    expect(p.publish.filter((s) => s.startsWith('yrd.')).every((s) => s.endsWith(`.${A}`))).toBe(true);
    expect(p.publish.filter((s) => s.startsWith('$JS') && s !== '$JS.API.STREAM.NAMES').every((s) => s.includes(`inbox_${A}`))).toBe(true);
    expect(p.subscribe).toEqual([`_INBOX_${A}.>`]);
    expect(stationPermissions(demoRoster, DEMO_STATIONS.sanlian).publish.filter((s) => s.startsWith('yrd.'))).toEqual([]);
  });

  it('writes one NKey user per station, WebSocket on loopback without TLS in tests and with TLS in production', () => {
    const admin = generateKeyPair();
    const test = natsServerConfig(demoRoster, { host: '127.0.0.1', port: 4222, websocketPort: 8443, storeDir: '/tmp/js', adminPublicKey: admin.publicKey });
    expect(userNKey(demoStationKey(A).publicKey)).toMatch(/^U[A-Z2-7]{55}$/);
    for (const s of demoRoster.stations) expect(test).toContain(userNKey(s.publicKey));
    expect(test).toContain('no_tls: true');
    expect(test).toContain('listen: "127.0.0.1:4222"');
    expect(test).not.toContain('nats-setup');
    expect(test).toContain('exchange setup');
    const prod = natsServerConfig(demoRoster, { host: '0.0.0.0', port: 4222, websocketPort: 443, storeDir: '/var/lib/nats', adminPublicKey: admin.publicKey, tls: { certFile: '/etc/nats/cert.pem', keyFile: '/etc/nats/key.pem' } });
    expect(prod).not.toContain('no_tls');
    expect(prod).toContain('cert_file: "/etc/nats/cert.pem"');
  });
});
