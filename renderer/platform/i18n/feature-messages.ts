/**
 * A feature's own messages, under its namespace (`t('records.form.name')`). English is typed as the Chinese,
 * so a missing key is a type error; tests/unit/renderer/i18n.test.ts checks it again at run time.
 */
export interface FeatureMessages<T> {
  namespace: string;
  'zh-CN': T;
  en: T;
}

export function defineFeatureMessages<T>(messages: FeatureMessages<T>): FeatureMessages<T> {
  return messages;
}
