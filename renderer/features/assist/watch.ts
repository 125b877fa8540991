import { computed, effectScope, type ComputedRef } from 'vue';
import { WatchList, watchEntriesOf, type WatchEntry } from '@shared/assist/watchlist';
import { useStationStore } from '@renderer/platform/station';
import { assistNow } from './clock';
import { useOpenRequests } from './queries';

/**
 * 布控 as the checkpoint and the search screens use it: the open requests' entries for this station, kept
 * indexed in memory (one liveQuery for the whole window), so a plate is checked per keystroke in one lookup.
 */
let shared: ComputedRef<WatchList> | null = null;

function watchList(): ComputedRef<WatchList> {
  if (shared) return shared;
  // Detached: the index lives as long as the window, whichever screen asked first.
  const scope = effectScope(true);
  shared = scope.run(() => {
    const station = useStationStore();
    const open = useOpenRequests();
    return computed(() => new WatchList(open.value.flatMap((row) => watchEntriesOf(row, station.identity.code, assistNow()))));
  }) as ComputedRef<WatchList>;
  return shared;
}

export interface WatchCheck {
  plate: (input: string) => WatchEntry[];
  idNumber: (input: string) => WatchEntry[];
}

/** Checks against the watch-list (reactive: a computed that calls these follows the list). */
export function useWatchCheck(): WatchCheck {
  const list = watchList();
  return {
    plate: (input) => (input.trim() ? list.value.matchPlate(input, assistNow()) : []),
    idNumber: (input) => (input.trim() ? list.value.matchIdNumber(input, assistNow()) : []),
  };
}
