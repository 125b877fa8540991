import type { FeatureMessages } from '@renderer/platform/i18n';
import { sessionErrors, sessionMessages } from '@renderer/platform/session';
import { stationErrors } from '@renderer/platform/station';
import { formsMessages, type ErrorTranslator } from '@renderer/platform/ui';
import type { FeatureAppliers } from '@renderer/sync';
import { features } from './features';

/** Every module's messages: the platform's own (session, forms) and each feature's. */
export function appMessages(): FeatureMessages<unknown>[] {
  return [sessionMessages, formsMessages, ...features.flatMap((f) => (f.messages ? [f.messages] : []))];
}

/** Every feature's sync appliers. */
export function appAppliers(): FeatureAppliers[] {
  return features.flatMap((f) => (f.appliers ? [f.appliers] : []));
}

/** Every module's error translators (its error classes → i18n keys), for `registerErrors`. */
export function appErrors(): ErrorTranslator[] {
  return [sessionErrors, stationErrors, ...features.flatMap((f) => (f.errors ? [f.errors] : []))];
}
