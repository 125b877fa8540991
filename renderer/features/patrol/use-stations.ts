import { computed } from 'vue';
import { useRosterStore } from '@renderer/sync';
import { useStationStore } from '@renderer/platform/station';
import type { StationChoice } from './header-form';

/**
 * Stations that may take part in a log: this station and its roster neighbours (same neighbour group). `extra`
 * keeps stations already in a log selectable even if the roster no longer lists them as neighbours.
 */
export function useStationChoices(extra: () => StationChoice[] = () => []) {
  const roster = useRosterStore();
  const station = useStationStore();
  const choices = computed<StationChoice[]>(() => {
    const self: StationChoice = { code: station.identity.code, name: station.identity.name, province: station.identity.province };
    const all = [self, ...roster.neighbours.map((s) => ({ code: s.code, name: s.name, province: s.province })), ...extra()];
    return all.filter((s, i) => all.findIndex((o) => o.code === s.code) === i);
  });
  async function load(): Promise<void> {
    if (!roster.loaded) await roster.load();
  }
  const byCode = (code: string) => choices.value.find((s) => s.code === code);
  return { choices, load, byCode };
}
