import type { ErrorKey } from '@renderer/platform/ui';
import { DemoNotAllowedError } from './demo-guard';

/** The station module's errors as i18n keys (registered by the composition root). */
export function stationErrors(error: unknown): ErrorKey | undefined {
  return error instanceof DemoNotAllowedError ? { key: `station.demoRefused.${error.reason}` } : undefined;
}
