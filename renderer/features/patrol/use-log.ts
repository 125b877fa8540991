import { computed, type Ref } from 'vue';
import { useLiveQuery } from '@renderer/db/use-live-query';
import { confirmationState } from '@shared/patrol/coauthoring';
import { liveFigures } from '@shared/patrol/figures';
import { useStationStore } from '@renderer/features/station/store';
import { readLog } from './repository';

/** One log, live: re-read whenever any station's change lands in the patrol tables. */
export function useLog(logId: Ref<string>) {
  const station = useStationStore();
  const { value: view } = useLiveQuery(() => readLog(logId.value), [logId]);
  const state = computed(() => (view.value ? confirmationState(view.value.header, view.value.confirmations) : null));
  const closed = computed(() => state.value?.closed ?? false);
  const figures = computed(() => liveFigures(view.value?.inspections ?? []));
  const self = computed(() => station.identity.code);
  const isOwner = computed(() => view.value?.header.ownerStation === self.value);
  const unitName = (id: string): string => view.value?.header.units.find((u) => u.id === id)?.name ?? id;
  return { view, state, closed, figures, self, isOwner, unitName };
}
