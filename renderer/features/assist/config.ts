import { assistTimeLimits, defaultAssistLimits, type AssistTimeLimits } from '@shared/assist/deadlines';
import { defineMetaKey, readMeta } from '@renderer/platform/db';

/** The station's response times (configurable; the defaults otherwise). */
const limitsMeta = defineMetaKey('assist.timeLimits', assistTimeLimits);

export async function loadAssistLimits(): Promise<AssistTimeLimits> {
  return (await readMeta(limitsMeta)) ?? defaultAssistLimits;
}
