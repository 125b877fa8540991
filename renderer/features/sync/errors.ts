import { useErrors, type ErrorTranslator, type ErrorVocabulary } from '@renderer/platform/ui';
import { BundleRejectedError } from '@renderer/sync';

/** The sync engine's refusals as words (registered by the composition root). */
export const syncErrors: ErrorTranslator = (error) =>
  error instanceof BundleRejectedError ? { key: `sync.bundle.rejected.${error.problem}` } : undefined;

/** The sync screens' words: a failure nobody registered names its cause; a refusal by role says it was audited. */
export const syncVocabulary: ErrorVocabulary = { fallback: 'sync.failed', overrides: { 'forms.errors.denied': 'sync.denied' } };

/** A failure of a sync action as one sentence for staff. */
export const useSyncErrors = () => useErrors(syncVocabulary);
