import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bridgeMethods, type HostBridge } from '@shared/bridge/contract';
import { generateKeyPair } from '@shared/sync/keys';
import { signRoster } from '@shared/sync/roster';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase, db } from '@renderer/platform/db/connection';
import { readMeta, writeMeta } from '@renderer/platform/db/meta';
import { installHost } from '@renderer/platform/host/client';
import { auditTable } from '@renderer/platform/audit/audit-log';
import { stationIdentityMeta, storedStationIdentity } from '@renderer/platform/station/identity';
import { NoStationKeyError, holdUnlockedStationKey, signingStation, storePlainStationKey } from '@renderer/platform/station/signing-key';
import { exchangeUrlMeta } from '@renderer/sync/service';
import { loadTrust } from '@renderer/sync/trust';
import {
  ProvisioningError,
  applyPackage,
  loadProtectedStationKey,
  openPackage,
  protectedStationKeyMeta,
  readPackage,
  unlockStationKey,
} from '@renderer/features/provisioning/provisioning';
import { YAOZHUANG, ZHENDIAN, makeOffice, resealed, type OfficeFixture } from './office-fixture';
import { addStation, signRosterCommand } from '../../../../tools/admin/commands';
import { eventsTable } from '@renderer/sync/tables';

const LILI = '320509520000';

/** A host whose "OS protection" is a reversible but visibly different encoding, like DPAPI from the outside. */
function fakeOsHost(): HostBridge {
  const reply = (value: unknown) => Promise.resolve({ ok: true as const, value });
  const methods = Object.fromEntries(bridgeMethods.map((m) => [m, () => Promise.reject(new Error(`unexpected ${m}`))]));
  return {
    ...methods,
    'app.getInfo': () => reply({ host: 'electron', appVersion: '0.1.0', platform: 'win32', isDevelopment: false }),
    'secrets.protect': (args: { plaintext: Uint8Array }) => reply({ scheme: 'os-protected', blob: new Uint8Array([...new TextEncoder().encode('os:'), ...args.plaintext]) }),
    'secrets.unprotect': (args: { blob: Uint8Array }) => reply({ plaintext: args.blob.slice(3) }),
  } as unknown as HostBridge;
}

let office: OfficeFixture;
let other: OfficeFixture;

beforeAll(async () => {
  office = await makeOffice();
  other = await makeOffice('另一个签发机构');
});
afterAll(async () => {
  await office.dispose();
  await other.dispose();
});
beforeEach(() => installHost(fakeOsHost()));
afterEach(async () => {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
});

async function refusal(text: string, passphrase: string): Promise<string> {
  try {
    await openPackage(readPackage(text), passphrase);
  } catch (error) {
    if (error instanceof ProvisioningError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('importing a provisioning package', () => {
  it('makes a fresh PC the station: identity, pinned root, roster, exchange, key kept only OS-protected', async () => {
    const exported = await office.exportFor(ZHENDIAN);
    const envelope = readPackage(exported.text);
    expect(envelope.meta['station']).toBe(ZHENDIAN);
    const pkg = await openPackage(envelope, ` ${exported.passphrase} `);
    await applyPackage(pkg, { actor: 'installer' });

    expect(await storedStationIdentity()).toMatchObject({ code: ZHENDIAN, name: '蒸淀派出所', kind: 'provisioned' });
    const trust = await loadTrust(db());
    expect(trust.rootPublicKey).toBe(pkg.rootPublicKey);
    expect(trust.roster?.roster.stations.map((s) => s.code)).toEqual([ZHENDIAN, YAOZHUANG]);
    expect(await readMeta(exchangeUrlMeta)).toBe('wss://exchange.yrd.example:8443');
    // The plain key is nowhere in the database; the protected blob unprotects to the roster's key.
    const everything = JSON.stringify(await db().meta.toArray());
    expect(everything).not.toContain(pkg.stationSecretKey);
    expect(await readMeta(protectedStationKeyMeta)).toMatchObject({ scheme: 'os-protected', publicKey: pkg.station.publicKey });
    expect((await loadProtectedStationKey())?.publicKey).toBe(pkg.station.publicKey);
    // Signing happens inside transactions, so the key is also held unlocked in memory, and unlocks again at start-up.
    // It is the key sync signs this station's events and batches with.
    expect(await signingStation()).toMatchObject({ identity: { code: ZHENDIAN, kind: 'provisioned' }, key: { publicKey: pkg.station.publicKey } });
    holdUnlockedStationKey(db(), null);
    await expect(signingStation()).rejects.toBeInstanceOf(NoStationKeyError);
    expect((await unlockStationKey())?.publicKey).toBe(pkg.station.publicKey);
    expect((await signingStation()).key.secretKey).toBe(pkg.stationSecretKey);
    const audit = await auditTable().toArray();
    expect(audit.at(-1)).toMatchObject({ action: 'station.provision', officer: 'installer', result: 'success', object: ZHENDIAN });
  });

  it('refuses a wrong passphrase and changes nothing', async () => {
    const exported = await office.exportFor(ZHENDIAN);
    expect(await refusal(exported.text, 'AAAA-BBBB-CCCC-DDDD-EEEE')).toBe('wrongPassphrase');
    expect(await storedStationIdentity()).toBeNull();
  });

  it('refuses a roster changed after it was signed', async () => {
    const tampered = await resealed(await office.exportFor(ZHENDIAN), (pkg) => ({
      ...pkg,
      signedRoster: { ...pkg.signedRoster, roster: { ...pkg.signedRoster.roster, groups: [{ id: 'wudi-qisuo', name: '被改动的组' }] } },
    }));
    expect(await refusal(tampered.text, tampered.passphrase)).toBe('badRosterSignature');
  });

  it('refuses a roster signed by another root than the one the package pins', async () => {
    const intruder = generateKeyPair();
    const forged = await resealed(await office.exportFor(ZHENDIAN), (pkg) => ({ ...pkg, signedRoster: signRoster(pkg.signedRoster.roster, intruder.secretKey) }));
    expect(await refusal(forged.text, forged.passphrase)).toBe('badRosterSignature');
  });

  it('refuses a damaged file, a file that is not a package, and a key that is not the roster’s', async () => {
    const exported = await office.exportFor(ZHENDIAN);
    expect(await refusal(exported.text.slice(0, -30), exported.passphrase)).toBe('malformed');
    expect(await refusal('{"hello":"world"}', exported.passphrase)).toBe('malformed');
    const swapped = await resealed(exported, (pkg) => ({ ...pkg, stationSecretKey: generateKeyPair().secretKey }));
    expect(await refusal(swapped.text, swapped.passphrase)).toBe('keyMismatch');
  });

  it('re-provisions (key rotation) from the same root, and refuses another root or another station', async () => {
    const first = await office.exportFor(ZHENDIAN);
    await applyPackage(await openPackage(readPackage(first.text), first.passphrase), { actor: 'installer' });
    const before = (await loadProtectedStationKey())?.publicKey;

    await office.rotate(ZHENDIAN);
    const rotated = await office.exportFor(ZHENDIAN);
    await applyPackage(await openPackage(readPackage(rotated.text), rotated.passphrase), { actor: '310000:100001' });
    const after = await loadProtectedStationKey();
    expect(after?.publicKey).not.toBe(before);
    expect((await loadTrust(db())).roster?.roster.version).toBe(2);
    expect((await auditTable().toArray()).at(-1)?.detail).toContain('key rotation');

    const foreign = await other.exportFor(ZHENDIAN);
    expect(await refusal(foreign.text, foreign.passphrase)).toBe('rootMismatch');
    const neighbour = await office.exportFor(YAOZHUANG);
    expect(await refusal(neighbour.text, neighbour.passphrase)).toBe('otherStation');
  });

  it('forwards a newer roster from a re-provisioning package to the neighbours, but not after a key rotation or at first run', async () => {
    const first = await office.exportFor(ZHENDIAN);
    await applyPackage(await openPackage(readPackage(first.text), first.passphrase), { actor: 'installer' });
    const forwarded = async () => (await eventsTable(db()).toArray()).filter((row) => row.event.type === 'roster.updated').map((row) => row.event);
    expect(await forwarded()).toEqual([]);

    // The office adds 黎里 to the group and signs a new roster; 蒸淀's key is unchanged.
    await addStation(office.ctx, { code: LILI, name: '黎里派出所', province: '320000', districtCode: '320509', groups: ['wudi-qisuo'] });
    await signRosterCommand(office.ctx);
    const newer = await office.exportFor(ZHENDIAN);
    const pkg = await openPackage(readPackage(newer.text), newer.passphrase);
    await applyPackage(pkg, { actor: '310000:100001' });
    const [event, ...more] = await forwarded();
    expect(more).toEqual([]);
    expect(event).toMatchObject({ aggregateId: 'roster', recipients: [LILI, YAOZHUANG].sort(), payload: pkg.signedRoster, authorOfficer: '310000:100001' });

    // A key rotation: neighbours could not check this station's batches before they hold the roster, so no event.
    await office.rotate(ZHENDIAN);
    const rotated = await office.exportFor(ZHENDIAN);
    await applyPackage(await openPackage(readPackage(rotated.text), rotated.passphrase), { actor: '310000:100001' });
    expect(await forwarded()).toHaveLength(1);
  });

  it('refuses a package on a demo station, through openPackage and applyPackage alike: its demo officers would stay', async () => {
    const exported = await office.exportFor(ZHENDIAN);
    const pkg = await openPackage(readPackage(exported.text), exported.passphrase);
    await storePlainStationKey(generateKeyPair());
    const demo = { code: '310118999999', name: '演示派出所', province: '310000', districtCode: '310118', districtName: '青浦区', kind: 'demo' } as const;
    await writeMeta(stationIdentityMeta, demo);
    expect(await refusal(exported.text, exported.passphrase)).toBe('demoStation');
    await expect(applyPackage(pkg, { actor: 'installer' })).rejects.toMatchObject({ code: 'demoStation' });
    expect(await storedStationIdentity()).toEqual(demo);
    expect(await loadProtectedStationKey()).toBeNull();
  });

  it('provisions a development station and leaves only the provisioned key to sign', async () => {
    await storePlainStationKey(generateKeyPair());
    await writeMeta(stationIdentityMeta, { code: '310118520000', name: '蒸淀派出所', province: '310000', districtCode: '310118', districtName: '青浦区', kind: 'development' });
    const exported = await office.exportFor(ZHENDIAN);
    const pkg = await openPackage(readPackage(exported.text), exported.passphrase);
    await applyPackage(pkg, { actor: 'installer' });
    expect((await loadProtectedStationKey())?.publicKey).toBe(pkg.station.publicKey);
    expect((await signingStation()).key.publicKey).toBe(pkg.station.publicKey);
    expect((await auditTable().toArray()).at(-1)?.detail).toContain('provisions the development station');
    // Without the unlocked key nothing signs: the plain key did not stay behind as a fallback.
    holdUnlockedStationKey(db(), null);
    await expect(signingStation()).rejects.toBeInstanceOf(NoStationKeyError);
  });
});
