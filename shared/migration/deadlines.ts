import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { z } from 'zod';
import { beijing, beijingDate } from '../domain/beijing-time';

dayjs.extend(utc);

/** Stations keep Beijing time; deadlines and validity are counted in its calendar days, whatever the PC's zone. */
export { beijing, beijingDate };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Time limits (办理时限) as configuration: the brief's figures are the defaults, and the public-holiday
 * calendar (法定节假日, 调休 working weekends) is data a station updates each year.
 */
export const migrationTimeLimits = z.object({
  permitValidityDays: z.number().int().min(1).max(365),
  certificateValidityDays: z.number().int().min(1).max(365),
  originWorkingDays: z.number().int().min(1).max(30),
  settlementWorkingDays: z.number().int().min(1).max(30),
  holidays: z.array(z.string().regex(DATE)),
  workingWeekends: z.array(z.string().regex(DATE)),
});
export type MigrationTimeLimits = z.infer<typeof migrationTimeLimits>;

export const defaultTimeLimits: MigrationTimeLimits = {
  permitValidityDays: 40,
  certificateValidityDays: 30,
  originWorkingDays: 1,
  settlementWorkingDays: 1,
  holidays: [],
  workingWeekends: [],
};

export function isWorkingDay(date: string, limits: Pick<MigrationTimeLimits, 'holidays' | 'workingWeekends'>): boolean {
  if (limits.workingWeekends.includes(date)) return true;
  if (limits.holidays.includes(date)) return false;
  const weekday = dayjs(`${date}T12:00:00Z`).utc().day();
  return weekday !== 0 && weekday !== 6;
}

/** The date `n` working days after the date of `at` (receipt day itself never counts). */
export function addWorkingDays(at: string, n: number, limits: Pick<MigrationTimeLimits, 'holidays' | 'workingWeekends'>): string {
  let day = dayjs(`${beijingDate(at)}T12:00:00Z`).utc();
  let left = n;
  while (left > 0) {
    day = day.add(1, 'day');
    if (isWorkingDay(day.format('YYYY-MM-DD'), limits)) left -= 1;
  }
  return day.format('YYYY-MM-DD');
}

/** Something received at `receivedAt` must be done by the end of the n-th following working day (Beijing time). */
export function workingDayDeadline(receivedAt: string, n: number, limits: MigrationTimeLimits): string {
  return endOfBeijingDay(addWorkingDays(receivedAt, n, limits));
}

function endOfBeijingDay(date: string): string {
  return dayjs(`${date}T23:59:59.999+08:00`).toISOString();
}

export function isPastDeadline(deadlineIso: string, now: Date): boolean {
  return now.getTime() > Date.parse(deadlineIso);
}

/** A document valid `days` days counting the issue day: issued 1 Nov, valid 40 days → valid until 10 Dec. */
export function validUntil(issuedAt: string, days: number): string {
  return beijing(issuedAt).add(days - 1, 'day').format('YYYY-MM-DD');
}

/** Expired once the Beijing date is after the last valid date. */
export function isExpired(validUntilDate: string, now: Date): boolean {
  return beijingDate(now) > validUntilDate;
}
