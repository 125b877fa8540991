import { liveQuery, type Subscription } from 'dexie';
import { getCurrentScope, onScopeDispose, ref, shallowRef, watch, type Ref, type WatchSource } from 'vue';

/**
 * A Dexie liveQuery as a Vue ref: re-runs whenever the tables it read change (in this window or another),
 * and again when any of `deps` change. Unsubscribes when the calling component or scope is disposed.
 */
export function useLiveQuery<T>(
  querier: () => T | Promise<T>,
  deps: WatchSource[] = [],
): { value: Ref<T | undefined>; error: Ref<unknown> } {
  const value = shallowRef<T | undefined>(undefined);
  const error = ref<unknown>(null);
  let subscription: Subscription | null = null;

  function subscribe(): void {
    subscription?.unsubscribe();
    subscription = liveQuery(querier).subscribe({
      next: (next) => {
        value.value = next;
        error.value = null;
      },
      error: (failure: unknown) => {
        error.value = failure;
      },
    });
  }

  subscribe();
  const stop = deps.length > 0 ? watch(deps, subscribe) : () => undefined;
  if (getCurrentScope()) {
    onScopeDispose(() => {
      stop();
      subscription?.unsubscribe();
    });
  }
  return { value, error };
}
