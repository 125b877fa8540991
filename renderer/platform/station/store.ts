import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { developmentStation } from '@shared/domain/dev-station';
import { provinceByCode } from '@shared/domain/province';
import { stationIdentity, type StationIdentity } from '@shared/domain/station';
import { db } from '@renderer/platform/db';

export const STATION_IDENTITY_KEY = 'station.identity';

/** The station this installation speaks for. Until provisioning writes one, the development station. */
export const useStationStore = defineStore('station', () => {
  const identity = ref<StationIdentity>(developmentStation);
  const loaded = ref(false);

  const province = computed(() => provinceByCode(identity.value.province));
  const isProvisioned = computed(() => identity.value.kind !== 'development');

  async function load(): Promise<void> {
    const row = await db().meta.get(STATION_IDENTITY_KEY);
    const parsed = stationIdentity.safeParse(row?.value);
    identity.value = parsed.success ? parsed.data : developmentStation;
    loaded.value = true;
  }

  return { identity, province, isProvisioned, loaded, load };
});
