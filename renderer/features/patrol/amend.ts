import { ElMessageBox } from 'element-plus';
import type { Translate } from '@renderer/platform/ui';

/** Asks for the amendment reason (更正原因); null when the user cancels. */
export async function askAmendmentReason(t: Translate): Promise<string | null> {
  try {
    const { value } = await ElMessageBox.prompt(t('patrol.confirmation.amendmentPrompt'), t('patrol.confirmation.amendments'), {
      confirmButtonText: t('patrol.confirm'),
      cancelButtonText: t('patrol.cancel'),
      inputValidator: (v: string) => (v.trim().length >= 2 ? true : t('patrol.errors.reason')),
      customClass: 'patrol-amend-reason',
    });
    return value.trim();
  } catch {
    return null;
  }
}

/**
 * Runs a change, asking for the amendment reason first when the log is closed. Returns false when the user
 * cancelled the reason (nothing was saved, the form keeps its content).
 */
export async function withAmendment(closed: boolean, t: Translate, change: (reason: string | null) => Promise<unknown>): Promise<boolean> {
  let reason: string | null = null;
  if (closed) {
    reason = await askAmendmentReason(t);
    if (reason === null) return false;
  }
  await change(reason);
  return true;
}
