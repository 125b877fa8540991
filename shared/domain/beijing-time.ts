import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);

/**
 * Beijing time (Asia/Shanghai) for every date a document or a deadline shows. Stations keep Beijing time and the
 * workflow counts deadlines in its calendar days, so what is printed or shown as a limit must be read in it too,
 * whatever zone the PC is set to (a PC left on UTC showed 办理时限 "15:59" for a 23:59 Beijing limit).
 * China has kept UTC+8 without daylight saving since 1991: a fixed offset is exact and needs no zone database.
 */
export const BEIJING_OFFSET_MINUTES = 8 * 60;

/** An instant seen on a Beijing clock (format it; do not read `.toDate()` back, that is the same instant). */
export function beijing(at: string | Date | number): Dayjs {
  return dayjs(at).utcOffset(BEIJING_OFFSET_MINUTES);
}

/** The Beijing calendar date (YYYY-MM-DD) of an instant. */
export function beijingDate(at: string | Date | number): string {
  return beijing(at).format('YYYY-MM-DD');
}

/** Date and minute on a Beijing clock (YYYY-MM-DD HH:mm): issue times, deadlines, timeline entries. */
export function beijingDateTime(at: string | Date | number): string {
  return beijing(at).format('YYYY-MM-DD HH:mm');
}
