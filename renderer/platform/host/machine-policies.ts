import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { NO_MACHINE_POLICIES, type MachinePolicies, type MachinePolicyName, type MachinePolicyReport } from '@shared/policy/machine-policy';
import { callHost, hostInstalled } from './client';

/**
 * The one read of the machine policies from the host. With no host installed (unit tests, benchmarks in Node) there
 * are none; a host that fails to answer makes this throw, and each caller decides: the store starts with the PC's own
 * settings, the demo guard refuses demo data (platform/station/demo-guard.ts).
 */
export async function fetchMachinePolicies(): Promise<MachinePolicyReport> {
  if (!hostInstalled()) return NO_MACHINE_POLICIES;
  return callHost('policy.get', {});
}

/**
 * Machine policies (组策略, shared/policy/machine-policy.ts) as the renderer applies them: read once at start-up by
 * the composition root (`load()` before the app mounts), then only read. A policy wins over the PC's own setting:
 * the exchange address over the package's, the UI language over the user's choice, the idle-lock minutes over the
 * built-in 10, and demo stations are not offered. Screens show a policy-set value as locked (由组策略设定).
 */
export const useMachinePoliciesStore = defineStore('machinePolicies', () => {
  const report = ref<MachinePolicyReport>(NO_MACHINE_POLICIES);
  const loaded = ref(false);

  const policies = computed<MachinePolicies>(() => report.value.policies);
  const exchangeUrl = computed(() => policies.value.exchangeUrl ?? null);
  const uiLanguage = computed(() => policies.value.uiLanguage ?? null);
  const demoStationsDisabled = computed(() => policies.value.demoStationsDisabled === true);
  const idleLockMinutes = computed(() => policies.value.idleLockMinutes ?? null);

  /** True when group policy sets this value, so the screen that edits it shows it locked. */
  function isLocked(name: MachinePolicyName): boolean {
    return policies.value[name] !== undefined;
  }

  /**
   * Asks the host once. A host that cannot answer (an old preload, a broken registry read) counts as no policies:
   * the app still starts, with the PC's own settings.
   */
  async function load(): Promise<MachinePolicyReport> {
    if (loaded.value) return report.value;
    try {
      report.value = await fetchMachinePolicies();
    } catch {
      report.value = NO_MACHINE_POLICIES;
    }
    loaded.value = true;
    return report.value;
  }

  return { report, loaded, policies, exchangeUrl, uiLanguage, demoStationsDisabled, idleLockMinutes, isLocked, load };
});
