export { defineFeatureMessages } from './feature-messages';
export type { FeatureMessages } from './feature-messages';
export type { Locale } from './setup';
export { applyDayjsLocale, createAppI18n, initialLocale, isLocale, locales, rememberLocale } from './setup';
