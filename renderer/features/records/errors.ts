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
