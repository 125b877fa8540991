// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import ElementPlus from 'element-plus';
import { bridgeMethods, type HostBridge } from '@shared/bridge/contract';
import { NO_MACHINE_POLICIES, type MachinePolicyReport } from '@shared/policy/machine-policy';
import { IDLE_LOCK_MINUTES } from '@shared/domain/sign-in-policy';
import { installHost } from '@renderer/platform/host/client';
import { useMachinePoliciesStore } from '@renderer/platform/host/machine-policies';
import { useSessionStore } from '@renderer/platform/session/store';
import { META_TABLE, db, writeMeta } from '@renderer/platform/db';
import { createAppI18n } from '@renderer/platform/i18n/setup';
import { appMessages } from '@renderer/app/composition';
import LanguageSwitch from '@renderer/app/frame/LanguageSwitch.vue';
import { exchangeUrlMeta, readExchangeUrl } from '@renderer/sync';
import { freshState } from './session/helpers';

// Features' messages load from their own chunks (as after the app's first screen).
const appMessageModules = await appMessages();

const POLICY_REPORT: MachinePolicyReport = {
  source: 'registry',
  key: 'HKLM\\Software\\Policies\\YRD Station',
  policies: { exchangeUrl: 'wss://exchange.policy.example:443', uiLanguage: 'en', demoStationsDisabled: true, idleLockMinutes: 3 },
  ignored: [],
};

/** A host whose `policy.get` answers `reply` (and counts the calls); every other method is unused here. */
function fakeHost(reply: () => unknown): { calls: () => number } {
  let calls = 0;
  const host: Record<string, () => Promise<unknown>> = Object.fromEntries(
    bridgeMethods.map((m) => [m, async (): Promise<unknown> => ({ ok: false, error: { code: 'HOST_ERROR', message: m } })]),
  );
  host['policy.get'] = async () => {
    calls += 1;
    return reply();
  };
  installHost(host as unknown as HostBridge);
  return { calls: () => calls };
}

async function loadedPolicies(report: MachinePolicyReport): Promise<Pinia> {
  fakeHost(() => ({ ok: true, value: report }));
  const pinia = createPinia();
  setActivePinia(pinia);
  await useMachinePoliciesStore(pinia).load();
  return pinia;
}

beforeEach(freshState);
afterEach(freshState);

describe('machine policies in the renderer', () => {
  it('reads policy.get once and exposes what each policy sets', async () => {
    const host = fakeHost(() => ({ ok: true, value: POLICY_REPORT }));
    const store = useMachinePoliciesStore();
    await store.load();
    await store.load();
    expect(host.calls()).toBe(1);
    expect(store.exchangeUrl).toBe('wss://exchange.policy.example:443');
    expect(store.uiLanguage).toBe('en');
    expect(store.demoStationsDisabled).toBe(true);
    expect(store.idleLockMinutes).toBe(3);
    expect(store.isLocked('uiLanguage')).toBe(true);
    expect(store.isLocked('packageFolder')).toBe(false);
  });

  it('counts a host that cannot answer, or answers nonsense, as no policies', async () => {
    fakeHost(() => ({ ok: true, value: { source: 'registry', policies: { idleLockMinutes: 9999 } } }));
    const store = useMachinePoliciesStore();
    expect(await store.load()).toEqual(NO_MACHINE_POLICIES);
    expect(store.demoStationsDisabled).toBe(false);
    expect(store.isLocked('exchangeUrl')).toBe(false);
  });

  it('sets the idle lock from the policy, and keeps the built-in minutes without one', async () => {
    await loadedPolicies(POLICY_REPORT);
    expect(useSessionStore().idleTimeoutMs).toBe(3 * 60_000);
    await loadedPolicies(NO_MACHINE_POLICIES);
    expect(useSessionStore().idleTimeoutMs).toBe(IDLE_LOCK_MINUTES * 60_000);
  });

  it("lets the policy's exchange address win over the one saved on this PC", async () => {
    await db().transaction('rw', META_TABLE, () => writeMeta(exchangeUrlMeta, 'wss://saved.example:443'));
    await loadedPolicies(NO_MACHINE_POLICIES);
    expect(await readExchangeUrl()).toBe('wss://saved.example:443');
    await loadedPolicies(POLICY_REPORT);
    expect(await readExchangeUrl()).toBe('wss://exchange.policy.example:443');
  });

  it('locks the language switch when the policy fixes the language', async () => {
    const mountSwitch = (pinia: Pinia) =>
      mount(LanguageSwitch, { global: { plugins: [pinia, createAppI18n(appMessageModules, 'en'), ElementPlus] } });
    const locked = mountSwitch(await loadedPolicies(POLICY_REPORT));
    expect(locked.find('[data-testid="language-switch"]').attributes('data-locked')).toBe('policy');
    expect(locked.find('input').attributes('disabled')).toBeDefined();
    locked.unmount();
    const free = mountSwitch(await loadedPolicies(NO_MACHINE_POLICIES));
    expect(free.find('[data-testid="language-switch"]').attributes('data-locked')).toBeUndefined();
    expect(free.find('input').attributes('disabled')).toBeUndefined();
    free.unmount();
  });
});
