import { defineStore } from 'pinia';
import { computed, ref } from 'vue';

export type ConnectionState = 'notConfigured' | 'offline' | 'online' | 'syncing' | 'error';

/** What the frame's status indicator shows; the sync engine is the only writer. */
export const useSyncStatusStore = defineStore('syncStatus', () => {
  const state = ref<ConnectionState>('notConfigured');
  const pendingEvents = ref(0);
  const lastError = ref<string | null>(null);

  const tone = computed(() => {
    switch (state.value) {
      case 'online':
        return 'success';
      case 'syncing':
        return 'primary';
      case 'error':
        return 'danger';
      default:
        return 'info';
    }
  });

  function setState(next: ConnectionState, error: string | null = null): void {
    state.value = next;
    lastError.value = error;
  }
  function setPending(count: number): void {
    pendingEvents.value = count;
  }

  return { state, pendingEvents, lastError, tone, setState, setPending };
});
