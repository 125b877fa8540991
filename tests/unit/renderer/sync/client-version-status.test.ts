// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import ElementPlus from 'element-plus';
import { bridgeMethods, type HostBridge } from '@shared/bridge/contract';
import { DEMO_ROOT, DEMO_STATIONS, demoRoster } from '@shared/demo/demo-network';
import { signRoster } from '@shared/sync/roster';
import { NO_MACHINE_POLICIES } from '@shared/policy/machine-policy';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase } from '@renderer/platform/db/connection';
import { installHost } from '@renderer/platform/host/client';
import { createAppI18n } from '@renderer/platform/i18n/setup';
import { useStationStore } from '@renderer/platform/station/store';
import { appMessages } from '@renderer/app/composition';
import ClientVersionNotice from '@renderer/features/sync/components/ClientVersionNotice.vue';
import { installDemoStation } from '@renderer/sync/demo';
import { useRosterStore } from '@renderer/sync/roster-store';
import { checkClientVersion } from '@renderer/sync/service';
import { useSyncStatusStore } from '@renderer/sync/status-store';

// Features' messages load from their own chunks (as after the app's first screen).
const appMessageModules = await appMessages();

/** A host that answers app.getInfo with `appVersion` (and no machine policies: demo stations allowed). */
function hostWithVersion(appVersion: string): void {
  const host: Record<string, () => Promise<unknown>> = Object.fromEntries(
    bridgeMethods.map((m) => [m, async (): Promise<unknown> => ({ ok: false, error: { code: 'HOST_ERROR', message: m } })]),
  );
  host['policy.get'] = async () => ({ ok: true, value: NO_MACHINE_POLICIES });
  host['app.getInfo'] = async () => ({ ok: true, value: { host: 'electron', appVersion, platform: 'win32', isDevelopment: false } });
  installHost(host as unknown as HostBridge);
}

let pinia: Pinia;
beforeEach(async () => {
  pinia = createPinia();
  setActivePinia(pinia);
  hostWithVersion('0.1.0');
  await installDemoStation(DEMO_STATIONS.lvxiang);
  await useStationStore().load();
});
afterEach(async () => {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
});

const newerRoster = (extra: { minClientVersion?: string; upgradeContact?: string }) =>
  signRoster({ ...demoRoster, version: 2, ...extra }, DEMO_ROOT.secretKey);

describe('minimum client version in the sync status', () => {
  it('is fine while the roster sets no minimum', async () => {
    hostWithVersion('0.1.0');
    await checkClientVersion();
    expect(useSyncStatusStore().clientVersion).toEqual({ status: 'ok' });
  });

  it('says who to ask once a new roster sets a minimum above this app, and the station keeps its sync state', async () => {
    hostWithVersion('0.1.0');
    await checkClientVersion();
    const status = useSyncStatusStore();
    status.setState('offline');
    expect(await useRosterStore().offer(newerRoster({ minClientVersion: '0.2.0', upgradeContact: '运维组 0573-12345678' }))).toBe(true);
    expect(status.clientVersion).toEqual({
      status: 'belowMinimum',
      appVersion: '0.1.0',
      minClientVersion: '0.2.0',
      askWho: { issuer: demoRoster.issuer, contact: '运维组 0573-12345678' },
      rosterVersion: 2,
    });
    expect(status.state).toBe('offline');

    const notice = mount(ClientVersionNotice, { global: { plugins: [pinia, createAppI18n(appMessageModules, 'zh-CN'), ElementPlus] } });
    const text = notice.text();
    expect(text).toContain('0.2.0');
    expect(text).toContain(`${demoRoster.issuer}（运维组 0573-12345678）`);
    expect(text).toContain('批次会被隔离');
    notice.unmount();
  });

  it('is fine when this app meets the minimum', async () => {
    hostWithVersion('0.2.0');
    expect(await useRosterStore().offer(newerRoster({ minClientVersion: '0.2.0' }))).toBe(true);
    await checkClientVersion();
    expect(useSyncStatusStore().clientVersion).toEqual({ status: 'ok' });
  });
});
