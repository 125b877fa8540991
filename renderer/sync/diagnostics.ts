import { diagnosticsSyncStatus, type DiagnosticsSyncStatus } from '@shared/diagnostics/diagnostics';
import { useStationStore } from '@renderer/platform/station';
import { useRosterStore } from './roster-store';
import { useSyncStatusStore } from './status-store';

/** The network layer's error as printable ASCII only (a code such as CONNECTION_REFUSED), or null: never a name. */
function technicalError(error: string | null): string | null {
  if (!error) return null;
  const ascii = error.replace(/[^\x20-\x7e]/g, '').trim().slice(0, 300);
  return ascii === '' ? null : ascii;
}

/**
 * The sync status as 导出诊断信息 sends it (shared/diagnostics: counts, states, ASCII codes; no names, no
 * payloads), read from the status store, the roster and the station's organisation code.
 */
export async function syncStatusForDiagnostics(): Promise<DiagnosticsSyncStatus> {
  const status = useSyncStatusStore();
  const roster = useRosterStore();
  if (!roster.loaded) await roster.load();
  const code = useStationStore().identity.code;
  return diagnosticsSyncStatus.parse({
    state: status.state,
    pendingEvents: status.pendingEvents,
    lastError: technicalError(status.lastError),
    lastSyncAt: null,
    rosterVersion: roster.version > 0 ? roster.version : null,
    stationCode: /^\d{12}$/.test(code) ? code : null,
  });
}
