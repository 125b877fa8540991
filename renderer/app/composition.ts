import type { FeatureMessages } from '@renderer/platform/i18n';
import { sessionErrors, sessionMessages } from '@renderer/platform/session';
import { stationErrors } from '@renderer/platform/station';
import { formsMessages, type ErrorTranslator } from '@renderer/platform/ui';
import type { FeatureAppliers } from '@renderer/sync';
import { features } from './features';

/** The platform's own messages (session, forms): loaded with the app, the sign-in screen speaks them. */
export function platformMessages(): FeatureMessages<unknown>[] {
  return [sessionMessages, formsMessages];
}

/** Every feature's messages, each from its own chunk. */
export function featureMessages(): Promise<FeatureMessages<unknown>[]> {
  return Promise.all(features.flatMap((f) => (f.messages ? [f.messages()] : [])));
}

/** Every module's messages: the platform's own and each feature's. */
export async function appMessages(): Promise<FeatureMessages<unknown>[]> {
  return [...platformMessages(), ...(await featureMessages())];
}

/** Every feature's sync appliers. */
export function appAppliers(): FeatureAppliers[] {
  return features.flatMap((f) => (f.appliers ? [f.appliers] : []));
}

/** Every module's error translators (its error classes → i18n keys), for `registerErrors`. */
export function appErrors(): ErrorTranslator[] {
  return [sessionErrors, stationErrors, ...features.flatMap((f) => (f.errors ? [f.errors] : []))];
}
