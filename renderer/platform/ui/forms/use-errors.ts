import { useI18n } from 'vue-i18n';
import { describeError, fieldErrors, fieldMessage, type ErrorVocabulary, type FieldError, type Translator } from './errors';

/** The translator of the current component's i18n, in the shape the error helpers take. */
export function useTranslator(): Translator {
  const { t, te } = useI18n();
  return { t: (key, values) => t(key, values ?? {}), te: (key) => te(key) };
}

/**
 * The error helpers bound to this component's language and the feature's words: `describe` (one sentence),
 * `field` (the text beside a field), `fields` (a failure's field errors, or null) and `toast`.
 */
export function useErrors(vocabulary: ErrorVocabulary = {}) {
  const i18n = useTranslator();
  /** `fallback`: this call's i18n key (given `{ message }`) for a failure nobody registered, e.g. a draft save. */
  const describe = (error: unknown, fallback?: string): string => describeError(error, i18n, fallback ? { ...vocabulary, fallback } : vocabulary);
  return {
    describe,
    field: (error: FieldError | undefined): string => (error ? fieldMessage(error, i18n, vocabulary) : ''),
    fields: fieldErrors,
    /** Shows the failure as an error toast, long enough to read (the form keeps its content). Worded at once; the
     * toast itself loads on first use (message.ts). */
    toast: (error: unknown): void => {
      const message = describe(error);
      void import('./message').then(({ ElMessage }) => ElMessage.error({ message, duration: 5000 }));
    },
  };
}
