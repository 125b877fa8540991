import { passwordProblems, type PasswordContext } from '@shared/domain/password-policy';

type Translate = (key: string) => string;

/** The policy problems of a password as one sentence in the UI language, for the field's error slot. */
export function policyMessage(password: string, context: PasswordContext, t: Translate): string {
  return passwordProblems(password, context)
    .map((p) => t(`session.policy.${p}`))
    .join(t('forms.separator'));
}
