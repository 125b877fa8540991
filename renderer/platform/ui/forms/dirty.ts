import { computed, shallowRef, type ComputedRef, type Ref } from 'vue';
import { clonePlain, equalPlain } from './plain';

export interface Dirty {
  /** The model differs from the snapshot (deep compare). */
  dirty: ComputedRef<boolean>;
  /** Takes a new snapshot: after a save, or when the form is refilled from the record. */
  reset(): void;
}

/**
 * Whether a form holds unsaved edits: a deep compare of the model against a snapshot taken now (or of `baseline`,
 * e.g. the record the form was filled from). Call `reset()` after saving.
 */
export function useDirty<T>(model: Ref<T>, baseline: T = model.value): Dirty {
  const snapshot = shallowRef(clonePlain(baseline));
  const dirty = computed(() => !equalPlain(model.value, snapshot.value));
  return {
    dirty,
    reset: () => {
      snapshot.value = clonePlain(model.value);
    },
  };
}
