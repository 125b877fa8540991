import type { ErrorTranslator } from '@renderer/platform/ui';

/**
 * A rule of the records that a write broke (duplicate ID number, household number taken…). `field` names the
 * form field the message belongs beside; `key` is the i18n key under `records.errors`.
 */
export class RecordsRuleError extends Error {
  constructor(
    readonly key: string,
    readonly field: string | null = null,
  ) {
    super(`records rule: ${key}`);
    this.name = 'RecordsRuleError';
  }
}

/** The records' errors as words: a rule error belongs beside its field (or above the form). */
export const recordsErrors: ErrorTranslator = (error) =>
  error instanceof RecordsRuleError ? { key: `records.errors.${error.key}`, ...(error.field ? { field: error.field } : {}) } : undefined;
