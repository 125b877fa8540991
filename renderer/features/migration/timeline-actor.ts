import type { TimelineEntry } from '@shared/migration/model';

/**
 * The officer key of a timeline step no officer took: the station's software recorded it (a permit received from
 * the exchange). Shown in the UI language, never as the key itself.
 */
export const SYSTEM_ACTOR = 'system';

/** Who took a step, as the timeline shows it: the officer's name (or key), or the UI's word for "the system". */
export function timelineActor(entry: Pick<TimelineEntry, 'officerKey' | 'officerName'>, systemWord: string): string {
  if (entry.officerKey === SYSTEM_ACTOR && entry.officerName === '') return systemWord;
  return entry.officerName || entry.officerKey;
}
