export { defineFeatureMessages } from './feature-messages';
export type { FeatureMessages } from './feature-messages';
export type { AppI18n, Locale } from './setup';
export { addMessages, applyDayjsLocale, createAppI18n, initialLocale, isLocale, locales, rememberLocale } from './setup';
