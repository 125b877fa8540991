import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { createPinia, setActivePinia } from 'pinia';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bridgeMethods, type HostBridge } from '@shared/bridge/contract';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase } from '@renderer/platform/db/connection';
import { installHost } from '@renderer/platform/host/client';
import { storedStationIdentity } from '@renderer/platform/station/identity';
import { auditTable } from '@renderer/platform/audit/audit-log';
import { officersTable } from '@renderer/platform/session/officers-table';
import { PermissionDeniedError, useSessionStore } from '@renderer/platform/session/store';
import { readPackage } from '@renderer/features/provisioning/provisioning';
import { FirstRunClosedError, useProvisioningStore } from '@renderer/features/provisioning/store';
import { ZHENDIAN, makeOffice, type OfficeFixture } from './office-fixture';

function host(): HostBridge {
  const reply = (value: unknown) => Promise.resolve({ ok: true as const, value });
  const methods = Object.fromEntries(bridgeMethods.map((m) => [m, () => Promise.reject(new Error(`unexpected ${m}`))]));
  return {
    ...methods,
    'secrets.protect': (args: { plaintext: Uint8Array }) => reply({ scheme: 'os-protected', blob: args.plaintext }),
  } as unknown as HostBridge;
}

const windowOfficer = { ref: { province: '310000' as const, policeNumber: '100002', name: '李娜' }, roles: ['window' as const] };
const admin = { ref: { province: '310000' as const, policeNumber: '100001', name: '王建国' }, roles: ['stationAdmin' as const] };
let office: OfficeFixture;

beforeAll(async () => {
  office = await makeOffice();
});
afterAll(() => office.dispose());
beforeEach(() => {
  setActivePinia(createPinia());
  installHost(host());
});
afterEach(async () => {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
});

describe('who may provision, back up and restore', () => {
  it('first run: the installer may import while the station has no officers, and not once it has', async () => {
    const store = useProvisioningStore();
    const exported = await office.exportFor(ZHENDIAN);
    await store.importPackage(readPackage(exported.text), exported.passphrase, 'firstRun');
    expect(await storedStationIdentity()).toMatchObject({ code: ZHENDIAN });
    await officersTable().add({ key: '310000:100001' } as never);
    await expect(store.importPackage(readPackage(exported.text), exported.passphrase, 'firstRun')).rejects.toBeInstanceOf(FirstRunClosedError);
    await expect(store.restore('{}', 'x', 'firstRun')).rejects.toBeInstanceOf(FirstRunClosedError);
  });

  it('settings: only the station admin; a refusal is audited and nothing changes', async () => {
    const session = useSessionStore();
    const store = useProvisioningStore();
    const exported = await office.exportFor(ZHENDIAN);
    session.setOfficer(windowOfficer);
    await expect(store.importPackage(readPackage(exported.text), exported.passphrase, 'settings')).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(store.backup('a long passphrase')).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(store.restore('{}', 'x', 'settings')).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await storedStationIdentity()).toBeNull();
    const denied = (await auditTable().toArray()).map((e) => [e.action, e.result, e.officer]);
    expect(denied).toEqual([
      ['station.provision', 'denied', '310000:100002'],
      ['station.backup', 'denied', '310000:100002'],
      ['station.restore', 'denied', '310000:100002'],
    ]);

    session.setOfficer(admin);
    await store.importPackage(readPackage(exported.text), exported.passphrase, 'settings');
    expect((await auditTable().toArray()).at(-1)).toMatchObject({ action: 'station.provision', officer: '310000:100001', result: 'success' });
  });
});
