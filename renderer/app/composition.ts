import type { FeatureMessages } from '@renderer/platform/i18n';
import { sessionMessages } from '@renderer/platform/session';
import type { FeatureAppliers } from '@renderer/sync';
import { features } from './features';

/** Every module's messages: the platform's own (session) and each feature's. */
export function appMessages(): FeatureMessages<unknown>[] {
  return [sessionMessages, ...features.flatMap((f) => (f.messages ? [f.messages] : []))];
}

/** Every feature's sync appliers. */
export function appAppliers(): FeatureAppliers[] {
  return features.flatMap((f) => (f.appliers ? [f.appliers] : []));
}
