import type { Ref } from 'vue';
import type { AuditEntry } from '@shared/audit/chain';
import { useLiveQuery } from '@renderer/platform/db';
import { auditTable, distinctActions, queryAudit, type AuditFilter } from '@renderer/platform/audit';
import { checkAgainstCheckpoints } from './checkpoint-check';

/** The trail's reads for the auditor's screen: live pages while the screen is open (opening it is audited). */

/** One page of entries matching the filter, newest first, with the total; nothing until `open`. */
export function useAuditPage(open: Readonly<Ref<boolean>>, filter: Ref<AuditFilter>, page: Ref<number>, pageSize: number) {
  return useLiveQuery(() => (open.value ? queryAudit(filter.value, page.value, pageSize) : { rows: [], total: 0 }), [filter, page, open]);
}

/** Every action that occurs in the trail (for the filter). */
export const useAuditActions = (open: Readonly<Ref<boolean>>) => useLiveQuery(() => (open.value ? distinctActions() : []), [open]);

/** The entries around a break the verification found (two either side). */
export const entriesAround = (seq: number): Promise<AuditEntry[]> => auditTable().where('seq').between(seq - 2, seq + 2, true, true).toArray();

/** The checkpoints: the last one sent, the last one a neighbour acknowledged (and who holds it), kept live. */
export const useCheckpointStatus = (open: Readonly<Ref<boolean>>) => useLiveQuery(() => (open.value ? checkAgainstCheckpoints() : null), [open]);
