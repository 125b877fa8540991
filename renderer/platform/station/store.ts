import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { developmentStation } from '@shared/domain/dev-station';
import { provinceByCode } from '@shared/domain/province';
import type { StationIdentity } from '@shared/domain/station';
import { currentStationIdentity } from './identity';

/** The station this installation speaks for. Until provisioning writes one, the development station. */
export const useStationStore = defineStore('station', () => {
  const identity = ref<StationIdentity>(developmentStation);
  const loaded = ref(false);

  const province = computed(() => provinceByCode(identity.value.province));
  const isProvisioned = computed(() => identity.value.kind !== 'development');

  async function load(): Promise<void> {
    identity.value = await currentStationIdentity();
    loaded.value = true;
  }

  return { identity, province, isProvisioned, loaded, load };
});
