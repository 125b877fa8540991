import type { Composer } from 'vue-i18n';
import { ElMessageBox } from 'element-plus';
import { PermissionDeniedError } from '@renderer/platform/session';
import { BackupError } from './backup';
import { ProvisioningError } from './provisioning';
import { FirstRunClosedError } from './store';

/** One clear sentence for any failure of provisioning, backup or restore. */
export function explainFailure(error: unknown, t: Composer['t']): string {
  if (error instanceof ProvisioningError) return t(`provisioning.refused.${error.code}`);
  if (error instanceof BackupError) return t(`provisioning.restore.refused.${error.code}`);
  if (error instanceof FirstRunClosedError) return t('provisioning.refused.firstRunClosed');
  if (error instanceof PermissionDeniedError) return t('provisioning.refused.denied');
  return t('provisioning.refused.failed', { message: error instanceof Error ? error.message : String(error) });
}

/** Whether the user should fix the passphrase (shown beside the field) rather than the file. */
export function isPassphraseProblem(error: unknown): boolean {
  return (error instanceof ProvisioningError || error instanceof BackupError) && error.code === 'wrongPassphrase';
}

/** A warning the officer must confirm (OK/取消 in the provisioning forms' words); resolves whether they did. */
export async function confirmWarning(t: Composer['t'], messageKey: string, titleKey: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(t(messageKey), t(titleKey), {
      type: 'warning',
      confirmButtonText: t('provisioning.confirmOk'),
      cancelButtonText: t('provisioning.confirmCancel'),
    });
    return true;
  } catch {
    return false;
  }
}

/** Asks before throwing away a typed passphrase (Esc or 取消 on the package and restore forms). */
export const confirmDiscardPassphrase = (t: Composer['t']): Promise<boolean> => confirmWarning(t, 'provisioning.discard', 'provisioning.discardTitle');
