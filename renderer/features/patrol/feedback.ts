import { ElMessage, ElMessageBox } from 'element-plus';
import { ZodError } from 'zod';
import { PermissionDeniedError } from '@renderer/platform/session';
import { PatrolWriteError } from './repository';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** What to tell the user about a failed change (the form keeps its content either way). */
export function describeFailure(error: unknown, t: Translate): string {
  if (error instanceof PermissionDeniedError) return t('patrol.denied');
  if (error instanceof PatrolWriteError) return t(`patrol.refused.${error.reason}`);
  if (error instanceof ZodError) return error.issues.map((i) => i.message).join('；');
  return t('patrol.storageFailed');
}

export function showFailure(error: unknown, t: Translate): void {
  void ElMessage.error({ message: describeFailure(error, t), duration: 5000 });
}

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

/** Asks before throwing typed input away (Esc / cancel on a changed form). */
export async function confirmDiscard(t: Translate): Promise<boolean> {
  try {
    await ElMessageBox.confirm(t('patrol.discard'), t('patrol.discardTitle'), { confirmButtonText: t('patrol.confirm'), cancelButtonText: t('patrol.cancel'), type: 'warning' });
    return true;
  } catch {
    return false;
  }
}

export async function confirmAction(t: Translate, message: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, t('patrol.title'), { confirmButtonText: t('patrol.confirm'), cancelButtonText: t('patrol.cancel'), type: 'warning' });
    return true;
  } catch {
    return false;
  }
}
