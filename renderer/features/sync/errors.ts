import type { Composer } from 'vue-i18n';
import { PermissionDeniedError } from '@renderer/platform/session';
import { BundleRejectedError } from '@renderer/sync';

/** A failure of a sync action as one sentence for staff. */
export function describeSyncError(error: unknown, t: Composer['t']): string {
  if (error instanceof PermissionDeniedError) return t('sync.denied');
  if (error instanceof BundleRejectedError) return t(`sync.bundle.rejected.${error.problem}`);
  return t('sync.failed', { message: error instanceof Error ? error.message : String(error) });
}
