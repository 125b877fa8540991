import { confirmDiscard, useErrors, type ErrorTranslator, type ErrorVocabulary, type Translate } from '@renderer/platform/ui';
import { PatrolWriteError } from './commands';

/** The co-authoring refusals as words (registered by the composition root). */
export const patrolErrors: ErrorTranslator = (error) => (error instanceof PatrolWriteError ? { key: `patrol.refused.${error.reason}` } : undefined);

/** The patrol's words for errors: its rule texts, its own wording of a refusal by role, and of a storage failure. */
export const patrolVocabulary: ErrorVocabulary = {
  rules: 'patrol.errors',
  fallback: 'patrol.storageFailed',
  overrides: { 'forms.errors.denied': 'patrol.denied' },
};

/** The error helpers in the patrol's words; `toast(error)` tells the user about a failed change. */
export const usePatrolErrors = () => useErrors(patrolVocabulary);

/** The discard question in the patrol's words (未保存的修改 / 放弃已填写的内容吗？ / 确定). */
export const confirmPatrolDiscard = (t: Translate): Promise<boolean> =>
  confirmDiscard(t, { title: t('patrol.discardTitle'), message: t('patrol.discard'), confirmText: t('patrol.confirm'), cancelText: t('patrol.cancel') });
