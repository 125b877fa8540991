import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { clientVersionStatus, type ClientVersionStatus } from '@shared/sync/client-version';
import { useRosterStore } from './roster-store';

export type ConnectionState = 'notConfigured' | 'offline' | 'online' | 'syncing' | 'error';

/** What the frame's status indicator shows; the sync engine is the only writer. */
export const useSyncStatusStore = defineStore('syncStatus', () => {
  const state = ref<ConnectionState>('notConfigured');
  const pendingEvents = ref(0);
  const lastError = ref<string | null>(null);
  /** This app's version (app.getInfo), once known: checked against the roster's minimum client version. */
  const appVersion = ref<string | null>(null);
  const roster = useRosterStore();
  /**
   * Below the signed roster's minimum: the station keeps working and syncing what it can, but neighbours on the
   * newer release may send event types this version does not know (their batches are quarantined until it is
   * upgraded). The frame and the 同步 page say so, and who to ask for the new MSI.
   */
  const clientVersion = computed<ClientVersionStatus>(() =>
    appVersion.value === null ? { status: 'ok' } : clientVersionStatus(appVersion.value, roster.signed?.roster ?? null),
  );

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
  function setAppVersion(version: string): void {
    appVersion.value = version;
  }
  /** Neighbours whose stream stopped (与 X 的同步已停止: an authenticity failure, docs/PROTOCOL.md §8.2). */
  const stoppedPeers = ref<{ code: string; reason: string }[]>([]);
  function setStopped(peers: { code: string; reason: string }[]): void {
    stoppedPeers.value = peers;
  }

  return { state, pendingEvents, lastError, appVersion, clientVersion, tone, stoppedPeers, setState, setPending, setAppVersion, setStopped };
});
