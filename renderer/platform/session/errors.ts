import type { ErrorTranslator } from '@renderer/platform/ui';
import { PermissionDeniedError } from './store';

/** The session's error classes as words (registered by the composition root). */
export const sessionErrors: ErrorTranslator = (error) => (error instanceof PermissionDeniedError ? { key: 'forms.errors.denied', params: { action: error.action } } : undefined);
