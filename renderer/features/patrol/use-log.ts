import { computed, shallowRef, watch, type Ref } from 'vue';
import { confirmationState } from '@shared/patrol/coauthoring';
import type { InspectionRecord } from '@shared/patrol/entries';
import { liveFigures, overlayRecords } from '@shared/patrol/figures';
import { useStationStore } from '@renderer/platform/station';
import { useLogView } from './queries';

/**
 * One log, live: re-read whenever any station's change lands in the patrol tables. Inspections this screen saves
 * are overlaid at once (`noteSaved`), so the live figures follow the keyboard, not the re-read.
 */
export function useLog(logId: Ref<string>) {
  const station = useStationStore();
  const { value: view } = useLogView(logId);
  const saved = shallowRef(new Map<string, InspectionRecord>());
  watch(view, (next) => {
    if (!next || saved.value.size === 0) return;
    const seen = new Map(next.inspections.map((r) => [r.id, r.revision]));
    saved.value = new Map([...saved.value].filter(([id, r]) => (seen.get(id) ?? 0) < r.revision));
  });
  const inspections = computed(() => overlayRecords(view.value?.inspections ?? [], saved.value));
  const state = computed(() => (view.value ? confirmationState(view.value.header, view.value.confirmations) : null));
  const closed = computed(() => state.value?.closed ?? false);
  const figures = computed(() => liveFigures(inspections.value));
  const self = computed(() => station.identity.code);
  const isOwner = computed(() => view.value?.header.ownerStation === self.value);
  const unitName = (id: string): string => view.value?.header.units.find((u) => u.id === id)?.name ?? id;
  function noteSaved(record: InspectionRecord): void {
    saved.value = new Map(saved.value).set(record.id, record);
  }
  return { view, inspections, state, closed, figures, self, isOwner, unitName, noteSaved };
}
