import { z } from 'zod';
import { requestTypes, urgencies, type RequestType, type Urgency } from './model';

/**
 * Response times a request implies (configurable per station; the defaults follow the issue): 特急 signed for
 * (签收) within 10 minutes and first feedback within an hour; 身份/户籍核查 answered within 7 days, as the law
 * requires, whatever the urgency. Deadlines run from when the request reached the addressee's list (a forwarded
 * station's from the forwarding).
 */
export const assistTimeLimits = z.object({
  signMinutes: z.record(z.enum(urgencies), z.number().int().min(1).max(7 * 24 * 60)),
  firstFeedbackMinutes: z.record(z.enum(urgencies), z.number().int().min(1).max(30 * 24 * 60)),
  /** Calendar days (Beijing) within which a conclusive answer is due, per type; absent = no such rule. */
  answerDays: z.partialRecord(z.enum(requestTypes), z.number().int().min(1).max(90)),
});
export type AssistTimeLimits = z.infer<typeof assistTimeLimits>;

export const defaultAssistLimits: AssistTimeLimits = {
  signMinutes: { extraUrgent: 10, urgent: 30, normal: 240 },
  firstFeedbackMinutes: { extraUrgent: 60, urgent: 240, normal: 1440 },
  answerDays: { identityCheck: 7 },
};

export interface Deadlines {
  signBy: Date;
  firstFeedbackBy: Date;
  /** The end (Beijing) of the last day a conclusive answer is due, or null when the type has no such rule. */
  answerBy: Date | null;
}

const MINUTE = 60_000;
const BEIJING_OFFSET = 8 * 60 * MINUTE;
const DAY = 24 * 60 * MINUTE;

/** The end of the Beijing calendar day `days` after the Beijing day of `from` (7日内 counts whole days). */
export function endOfBeijingDayAfter(from: Date, days: number): Date {
  const beijingMidnight = Math.floor((from.getTime() + BEIJING_OFFSET) / DAY) * DAY - BEIJING_OFFSET;
  return new Date(beijingMidnight + (days + 1) * DAY - 1);
}

export function deadlinesOf(request: { type: RequestType; urgency: Urgency }, since: Date, limits: AssistTimeLimits = defaultAssistLimits): Deadlines {
  const days = limits.answerDays[request.type];
  const signBy = new Date(since.getTime() + limits.signMinutes[request.urgency] * MINUTE);
  const feedback = new Date(since.getTime() + limits.firstFeedbackMinutes[request.urgency] * MINUTE);
  const answerBy = days === undefined ? null : endOfBeijingDayAfter(since, days);
  // First feedback is never due after the answer itself.
  const firstFeedbackBy = answerBy && answerBy < feedback ? answerBy : feedback;
  return { signBy, firstFeedbackBy, answerBy };
}

/** What an addressee has done so far (times as ISO strings, null while not done). */
export interface Progress {
  signedAt: string | null;
  firstFeedbackAt: string | null;
  answeredAt: string | null;
}

export type DeadlineKind = 'sign' | 'firstFeedback' | 'answer';

/** The deadlines not met by `now`: not done and past due. A closed request owes nothing. */
export function overdue(progress: Progress, deadlines: Deadlines, now: Date, closed = false): DeadlineKind[] {
  if (closed) return [];
  const late: DeadlineKind[] = [];
  if (!progress.signedAt && now > deadlines.signBy) late.push('sign');
  if (!progress.firstFeedbackAt && now > deadlines.firstFeedbackBy) late.push('firstFeedback');
  if (deadlines.answerBy && !progress.answeredAt && now > deadlines.answerBy) late.push('answer');
  return late;
}

/** The next deadline still open for this addressee (for "time left" and sorting), or null. */
export function nextDeadline(progress: Progress, deadlines: Deadlines): { kind: DeadlineKind; at: Date } | null {
  if (!progress.signedAt) return { kind: 'sign', at: deadlines.signBy };
  if (!progress.firstFeedbackAt) return { kind: 'firstFeedback', at: deadlines.firstFeedbackBy };
  if (deadlines.answerBy && !progress.answeredAt) return { kind: 'answer', at: deadlines.answerBy };
  return null;
}

export const urgencyRank = (u: Urgency): number => urgencies.indexOf(u);
