import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { neighboursOf, type RosterStation, type SignedRoster } from '@shared/sync/roster';
import { db } from '@renderer/db';
import { useStationStore } from '@renderer/features/station/store';
import { acceptRoster, loadTrust } from './trust';

export type { RosterStation } from '@shared/sync/roster';

/** The trust roster as the UI and features see it: every station, lookup by code, and our neighbours. */
export const useRosterStore = defineStore('syncRoster', () => {
  const signed = ref<SignedRoster | null>(null);
  const rootPublicKey = ref<string | null>(null);
  const loaded = ref(false);
  const station = useStationStore();

  const stations = computed<RosterStation[]>(() => signed.value?.roster.stations ?? []);
  const version = computed(() => signed.value?.roster.version ?? 0);
  const groups = computed(() => signed.value?.roster.groups ?? []);
  const neighbours = computed<RosterStation[]>(() =>
    signed.value ? neighboursOf(signed.value.roster, station.identity.code) : [],
  );

  function byCode(code: string): RosterStation | undefined {
    return stations.value.find((s) => s.code === code);
  }

  function isNeighbour(code: string): boolean {
    return neighbours.value.some((s) => s.code === code);
  }

  async function load(): Promise<void> {
    const trust = await loadTrust(db());
    signed.value = trust.roster;
    rootPublicKey.value = trust.rootPublicKey;
    loaded.value = true;
  }

  /** Offers a roster (e.g. received over the exchange); kept only when newer and root-signed. */
  async function offer(candidate: unknown): Promise<boolean> {
    const check = await acceptRoster(db(), candidate);
    if (check.ok) await load();
    return check.ok;
  }

  return { signed, rootPublicKey, loaded, stations, version, groups, neighbours, byCode, isNeighbour, load, offer };
});
