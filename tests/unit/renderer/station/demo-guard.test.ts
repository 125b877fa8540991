import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bridgeMethods, type HostBridge } from '@shared/bridge/contract';
import { NO_MACHINE_POLICIES, type MachinePolicies } from '@shared/policy/machine-policy';
import type { StationIdentity } from '@shared/domain/station';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase } from '@renderer/platform/db/connection';
import { writeMeta } from '@renderer/platform/db/meta';
import { installHost } from '@renderer/platform/host/client';
import { stationIdentityMeta, storedStationIdentity } from '@renderer/platform/station/identity';
import { DemoNotAllowedError } from '@renderer/platform/station/demo-guard';
import { useStationStore } from '@renderer/platform/station/store';
import { officersTable } from '@renderer/platform/session/officers-table';
import { useSessionStore } from '@renderer/platform/session/store';
import { loadDemoOfficers } from '@renderer/app/demo/demo-officers';
import { seedDemoResidents } from '@renderer/features/records/service';
import { useRecordsStore } from '@renderer/features/records/store';
import { householdsTable } from '@renderer/features/records/tables';
import { installDemoStation } from '@renderer/sync/demo';

/** Demo and real never mix (issue 14 §1): every path that writes demo data refuses a provisioned station. */
const provisioned: StationIdentity = { code: '310118520000', name: '蒸淀派出所', province: '310000', districtCode: '310118', districtName: '青浦区', kind: 'provisioned' };

function hostWith(policies: MachinePolicies): HostBridge {
  const methods = Object.fromEntries(bridgeMethods.map((m) => [m, () => Promise.reject(new Error(`unexpected ${m}`))]));
  return { ...methods, 'policy.get': () => Promise.resolve({ ok: true, value: { ...NO_MACHINE_POLICIES, source: 'registry', policies } }) } as unknown as HostBridge;
}

async function refusal(work: Promise<unknown>): Promise<string> {
  const error: unknown = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DemoNotAllowedError)) throw new Error(`expected a DemoNotAllowedError, got ${String(error)}`);
  return error.reason;
}

beforeEach(() => {
  setActivePinia(createPinia());
  installHost(hostWith({}));
});
afterEach(async () => {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
});

describe('a provisioned station', () => {
  beforeEach(async () => {
    await writeMeta(stationIdentityMeta, provisioned);
    await useStationStore().load();
  });

  it('refuses the demo exchange, demo officers and demo residents, through the functions themselves', async () => {
    expect(await refusal(installDemoStation())).toBe('provisioned');
    expect(await refusal(loadDemoOfficers())).toBe('provisioned');
    expect(await refusal(seedDemoResidents({ households: 3 }))).toBe('provisioned');
    expect(await storedStationIdentity()).toEqual(provisioned);
    expect(await officersTable().count()).toBe(0);
    expect(await householdsTable().count()).toBe(0);
  });

  it('refuses 加载演示数据 from the records store even to a signed-in station admin, and offers no demo', async () => {
    useSessionStore().setOfficer({ ref: { province: '310000', policeNumber: '100001', name: '王建国' }, roles: ['stationAdmin'] });
    expect(await refusal(useRecordsStore().loadDemo(3))).toBe('provisioned');
    expect(await householdsTable().count()).toBe(0);
    expect(useStationStore().demoAllowed).toBe(false);
    expect(useStationStore().demoDataAllowed).toBe(false);
  });
});

describe('an unprovisioned install', () => {
  it('becomes a demo station when demo officers are loaded; only then are demo residents accepted', async () => {
    expect(await refusal(seedDemoResidents({ households: 3 }))).toBe('notDemo');
    await loadDemoOfficers();
    expect((await storedStationIdentity())?.kind).toBe('demo');
    await useStationStore().load();
    expect(useStationStore()).toMatchObject({ isDemo: true, demoAllowed: true, demoDataAllowed: true });
    expect(await seedDemoResidents({ households: 3 })).toMatchObject({ households: 3 });
  });

  it('refuses every demo path where machine policy disables demo stations', async () => {
    installHost(hostWith({ demoStationsDisabled: true }));
    expect(await refusal(installDemoStation())).toBe('policy');
    expect(await refusal(loadDemoOfficers())).toBe('policy');
    expect(await storedStationIdentity()).toBeNull();
    await useStationStore().load();
    expect(useStationStore().demoAllowed).toBe(false);
  });
});
