import type { ErrorTranslator, ErrorVocabulary } from '@renderer/platform/ui';
import { AssistRuleError } from './commands';

/** The feature's refusals as words (registered by the composition root). */
export const assistErrors: ErrorTranslator = (error) => (error instanceof AssistRuleError ? { key: `assist.errors.${error.code}` } : undefined);

/** Form words: rule texts under `assist.errors`, labels under `assist.fields` by the last named step of the path. */
export const assistVocabulary: ErrorVocabulary = {
  rules: 'assist.errors',
  label: (path) => {
    const last = path.split('.').filter((step) => !/^\d+$/.test(step)).pop();
    return last ? `assist.fields.${last}` : undefined;
  },
};
