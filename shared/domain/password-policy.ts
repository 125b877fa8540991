/**
 * 密码策略: the password rules of a station account (等保 2.0 level-3 practice: length and several character
 * kinds, nothing guessable from the account itself). Returns every problem, so the form can say all of them at once.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;
/** Of lower case, upper case, digits and symbols, at least this many kinds must appear. */
export const PASSWORD_MIN_KINDS = 3;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooFewKinds' | 'containsPoliceNumber' | 'sameAsCurrent' | 'whitespace';

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
