/**
 * 密码策略: the password rules of a station account (等保 2.0 level-3 practice: length and several character
 * kinds, nothing guessable from the account itself). Returns every problem, so the form can say all of them at once.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;
/** Of lower case, upper case, digits and symbols, at least this many kinds must appear. */
export const PASSWORD_MIN_KINDS = 3;

/** A new password may be none of the last this many (the current one included). */
export const PASSWORD_HISTORY = 5;
/** 定期更换: a password expires this many days after it was set, unless the station admin chose another period. */
export const PASSWORD_MAX_AGE_DAYS = 90;
export const PASSWORD_MAX_AGE_RANGE = { min: 1, max: 365 } as const;

/** `recentlyUsed` is found by the session (it needs the stored hashes), not by `passwordProblems`. */
export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooFewKinds' | 'containsPoliceNumber' | 'sameAsCurrent' | 'whitespace' | 'recentlyUsed';

export interface PasswordContext {
  policeNumber: string;
  /** The current password, when changing it: the new one must differ. */
  current?: string;
}

const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d\s]/];

export function passwordProblems(password: string, context: PasswordContext): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('tooShort');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('tooLong');
  if (/\s/.test(password)) problems.push('whitespace');
  if (kinds.filter((k) => k.test(password)).length < PASSWORD_MIN_KINDS) problems.push('tooFewKinds');
  if (context.policeNumber && password.includes(context.policeNumber)) problems.push('containsPoliceNumber');
  if (context.current !== undefined && password === context.current) problems.push('sameAsCurrent');
  return problems;
}

/** When a password set at `changedAt` expires. */
export function passwordExpiresAt(changedAt: string, maxAgeDays: number): Date {
  return new Date(Date.parse(changedAt) + maxAgeDays * 86_400_000);
}

/** An unreadable date counts as expired: the officer then sets a new password rather than keep an unknown one. */
export function passwordExpired(changedAt: string, maxAgeDays: number, now: Date): boolean {
  const expires = passwordExpiresAt(changedAt, maxAgeDays).getTime();
  return Number.isNaN(expires) || expires <= now.getTime();
}
