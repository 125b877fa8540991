import { addMessages, type AppI18n } from '@renderer/platform/i18n';
import { featureMessages } from './composition';

/**
 * The features' messages (~100 KB in both languages) are not part of the first screen: the sign-in screen speaks
 * only the platform's. main.ts hands over the app's i18n; the screens that show features (the frame, the first-run
 * screen) load the messages on first show and wait for them, so no feature text ever shows as a bare key.
 */
let appI18n: AppI18n | null = null;
let loading: Promise<void> | null = null;

export function useFeatureMessagesIn(i18n: AppI18n): void {
  appI18n = i18n;
}

/** Loads the features' messages into the app's i18n once (nothing to load where none was handed over). */
export function featureMessagesLoaded(): Promise<void> {
  const i18n = appI18n;
  if (!i18n) return Promise.resolve();
  loading ??= featureMessages().then((modules) => addMessages(i18n, modules));
  return loading;
}
