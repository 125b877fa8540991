import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { developmentStation } from '@shared/domain/dev-station';
import { provinceByCode } from '@shared/domain/province';
import type { StationIdentity } from '@shared/domain/station';
import { demoInstallRefusal } from './demo-guard';
import { currentStationIdentity } from './identity';

/** The station this installation speaks for. Until provisioning writes one, the development station. */
export const useStationStore = defineStore('station', () => {
  const identity = ref<StationIdentity>(developmentStation);
  const loaded = ref(false);

  const province = computed(() => provinceByCode(identity.value.province));
  const isProvisioned = computed(() => identity.value.kind !== 'development');
  /** A demo station: every screen shows a banner and every printed document says 演示数据，无效. */
  const isDemo = computed(() => identity.value.kind === 'demo');
  /** Whether demo (demo network, demo officers) may be offered here: not provisioned, not forbidden by machine policy. */
  const demoAllowed = ref(false);
  /** Demo residents: only on a demo station the policy allows. */
  const demoDataAllowed = computed(() => demoAllowed.value && isDemo.value);

  async function load(): Promise<void> {
    const [current, refusal] = await Promise.all([currentStationIdentity(), demoInstallRefusal().catch(() => 'policy' as const)]);
    identity.value = current;
    demoAllowed.value = refusal === null;
    loaded.value = true;
  }

  return { identity, province, isProvisioned, isDemo, demoAllowed, demoDataAllowed, loaded, load };
});
