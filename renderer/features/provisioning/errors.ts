import { confirmAction, confirmDiscard, useErrors, type ErrorTranslator, type ErrorVocabulary, type Translate } from '@renderer/platform/ui';
import { BackupError } from './backup';
import { ProvisioningError } from './provisioning';
import { FirstRunClosedError } from './store';

/** Provisioning, backup and restore refusals as words (registered by the composition root). */
export const provisioningErrors: ErrorTranslator = (error) => {
  if (error instanceof ProvisioningError) return { key: `provisioning.refused.${error.code}` };
  if (error instanceof BackupError) return { key: `provisioning.restore.refused.${error.code}` };
  if (error instanceof FirstRunClosedError) return { key: 'provisioning.refused.firstRunClosed' };
  return undefined;
};

/** The provisioning forms' words: a refusal by role names the station admin; anything else names its cause. */
export const provisioningVocabulary: ErrorVocabulary = {
  fallback: 'provisioning.refused.failed',
  overrides: { 'forms.errors.denied': 'provisioning.refused.denied' },
};

/** One clear sentence for any failure of provisioning, backup or restore. */
export const useProvisioningErrors = () => useErrors(provisioningVocabulary);

/** Whether the user should fix the passphrase (shown beside the field) rather than the file. */
export function isPassphraseProblem(error: unknown): boolean {
  return (error instanceof ProvisioningError || error instanceof BackupError) && error.code === 'wrongPassphrase';
}

/** A warning the officer must confirm (re-provision, restore); resolves whether they did. */
export const confirmWarning = (t: Translate, messageKey: string, titleKey: string): Promise<boolean> =>
  confirmAction({ title: t(titleKey), message: t(messageKey), confirmText: t('provisioning.confirmOk'), cancelText: t('provisioning.confirmCancel'), tone: 'warning' });

/** Asks before throwing away a typed passphrase (Esc or 取消 on the package, restore and backup forms). */
export const confirmDiscardPassphrase = (t: Translate): Promise<boolean> =>
  confirmDiscard(t, { title: t('provisioning.discardTitle'), message: t('provisioning.discard'), confirmText: t('provisioning.confirmOk'), cancelText: t('provisioning.confirmCancel') });
