import { ZodError } from 'zod';
import { PermissionDeniedError } from '@renderer/platform/session';
import { MigrationRuleError } from './case-ops';

type Translate = (key: string, values?: Record<string, unknown>) => string;
type HasKey = (key: string) => boolean;

/**
 * zod issues → one message per form field (path joined with dots), translated from the stable keys the shared
 * schemas use. Keys unknown to i18n are shown as they are (they are already text).
 */
export function fieldErrors(error: ZodError, t: Translate, te: HasKey): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (out[path]) continue;
    const key = `migration.errors.${issue.message}`;
    out[path] = te(key) ? t(key) : issue.code === 'invalid_type' ? t('migration.errors.required') : issue.message;
  }
  return out;
}

/** A message for any failure of a workflow action, in the UI language where we know the reason. */
export function actionError(error: unknown, t: Translate): string {
  if (error instanceof PermissionDeniedError) return t('migration.errors.permission');
  if (error instanceof MigrationRuleError) return error.message;
  if (error instanceof ZodError) return error.issues.map((i) => i.message).join('；');
  return error instanceof Error ? error.message : String(error);
}
