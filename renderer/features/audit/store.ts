import { defineStore } from 'pinia';
import dayjs from 'dayjs';
import { auditCsv, type AuditCsvHeaders } from '@shared/audit/csv';
import { callHost } from '@renderer/platform/host';
import { useSessionStore } from '@renderer/platform/session';
import { useStationStore } from '@renderer/platform/station';
import { appendAudit } from '@renderer/platform/audit';
import { auditEntriesFor, verifyAuditTrail, type AuditFilter, type VerifyResult } from '@renderer/platform/audit';
import { checkAgainstCheckpoints, type CheckpointStatus } from './checkpoint-check';

/** Where the trail first breaks: in itself (hash, link, seq, MAC, anchor) or against a checkpoint a neighbour holds. */
export interface AuditVerification extends Omit<VerifyResult, 'break'> {
  break: { seq: number; reason: NonNullable<VerifyResult['break']>['reason'] | 'rewritten' | 'missing' } | null;
  checkpoints: CheckpointStatus;
}

function combined(own: VerifyResult, checkpoints: CheckpointStatus): AuditVerification {
  const found = [own.break, checkpoints.break].filter((b) => b !== null).sort((a, b) => a.seq - b.seq)[0];
  return { ...own, break: found ? { seq: found.seq, reason: found.reason } : null, checkpoints };
}

/**
 * The auditor's actions on the trail. Each is checked here (not only by hiding the page) and is itself audited:
 * reading, verifying and exporting the trail leave entries too.
 */
export const useAuditStore = defineStore('audit', () => {
  const session = useSessionStore();
  const station = useStationStore();

  const record = (action: string, object: string, detail: string, result: 'success' | 'failure' = 'success') =>
    appendAudit({ station: station.identity.code, officer: session.actor, action, object, result, detail });

  /** Opening the trail: refused (and audited) for anyone but the auditor. */
  async function open(): Promise<void> {
    await session.assertCan('audit.view', 'audit');
    await record('audit.view', 'audit', '');
  }

  /** The trail in itself, then against the latest checkpoints neighbours acknowledged (a re-chain or cut tail shows there). */
  async function verify(onProgress?: (checked: number, total: number) => void): Promise<AuditVerification> {
    await session.assertCan('audit.verify', 'audit');
    const [own, checkpoints] = await Promise.all([verifyAuditTrail(onProgress), checkAgainstCheckpoints()]);
    const result = combined(own, checkpoints);
    const detail = result.break ? `break at ${result.break.seq}: ${result.break.reason}` : `${result.count} entries intact`;
    await record('audit.verify', 'audit', detail, result.break ? 'failure' : 'success');
    return result;
  }

  /** Exports the entries matching `filter` as CSV through the host's save dialog; `null` when cancelled. */
  async function exportCsv(filter: AuditFilter, headers: AuditCsvHeaders, baseName: string): Promise<number | null> {
    await session.assertCan('audit.export', 'audit');
    const entries = await auditEntriesFor(filter);
    const outcome = await callHost('file.saveAs', {
      suggestedName: `${baseName}-${station.identity.code}-${dayjs().format('YYYYMMDD-HHmmss')}.csv`,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      content: auditCsv(entries, headers),
    });
    if (outcome.outcome === 'cancelled') return null;
    await record('audit.export', 'audit', `${entries.length} entries ${JSON.stringify(filter)}`);
    return entries.length;
  }

  return { open, verify, exportCsv };
});
