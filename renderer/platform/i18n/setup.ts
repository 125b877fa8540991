import { createI18n } from 'vue-i18n';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import zhCN, { type MessageSchema } from './locales/zh-CN';
import en from './locales/en';
import type { FeatureMessages } from './feature-messages';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

const STORAGE_KEY = 'yrd.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The user's last choice on this PC; Simplified Chinese otherwise. */
export function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return isLocale(saved) ? saved : 'zh-CN';
}

/** The app's i18n with the frame's messages and each given module's (features, platform modules), each under its namespace. */
export function createAppI18n(modules: readonly FeatureMessages<unknown>[], locale: Locale = initialLocale()) {
  applyDayjsLocale(locale);
  return createI18n<[MessageSchema], Locale>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: allMessages(modules),
  });
}

export function applyDayjsLocale(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
}

export function rememberLocale(locale: Locale): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}

export type AppI18n = ReturnType<typeof createAppI18n>;

/** Adds modules' messages to a running i18n, each under its namespace (features' arrive after the first screen). */
export function addMessages(i18n: AppI18n, modules: readonly FeatureMessages<unknown>[]): void {
  for (const locale of locales) {
    const present = new Set(Object.keys(i18n.global.getLocaleMessage(locale)));
    const added: Record<string, unknown> = {};
    for (const feature of modules) {
      if (present.has(feature.namespace) || feature.namespace in added) throw new Error(`i18n namespace clash: ${feature.namespace}`);
      added[feature.namespace] = feature[locale];
    }
    i18n.global.mergeLocaleMessage(locale, added);
  }
}

/** The frame's messages plus every module's, each under its own namespace. */
export function allMessages(modules: readonly FeatureMessages<unknown>[]): Record<Locale, MessageSchema> {
  const merged: Record<Locale, Record<string, unknown>> = { 'zh-CN': { ...zhCN }, en: { ...en } };
  for (const feature of modules) {
    if (feature.namespace in merged['zh-CN']) throw new Error(`i18n namespace clash: ${feature.namespace}`);
    merged['zh-CN'][feature.namespace] = feature['zh-CN'];
    merged.en[feature.namespace] = feature.en;
  }
  return merged as Record<Locale, MessageSchema>;
}
