import type { Refusal } from '@shared/migration/state-machine';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The service's own refusals, beside the state machine's (shared/ gives codes; the words are ours). */
export type ServiceRefusal =
  | { code: 'notFound' | 'reasonRequired' | 'opinionRequired' | 'noCertificate' | 'noPermit'; params: Record<string, never> }
  | { code: 'personNotRegistered'; params: { names: readonly string[] } };

export type WorkflowRefusal = Refusal | ServiceRefusal;

const action = (transition: string, t: Translate): string => t(`migration.refusal.action.${transition}`);

/** A refusal as one sentence in the UI language, naming the status, side, roles or date it is about. */
export function describeRefusal(refusal: WorkflowRefusal, t: Translate): string {
  const key = `migration.refusal.${refusal.code}`;
  switch (refusal.code) {
    case 'wrongState':
      return t(key, { status: t(`migration.status.${refusal.params.status}`), action: action(refusal.params.transition, t) });
    case 'wrongSide':
      return t(key, { station: t(`migration.refusal.station.${refusal.params.side}`), action: action(refusal.params.transition, t) });
    case 'wrongRole': {
      const roles = refusal.params.roles.map((r) => t(`session.roles.${r}`)).join(t('migration.refusal.or'));
      return t(key, { roles, action: action(refusal.params.transition, t) });
    }
    case 'permitExpired':
    case 'certificateExpired':
      return t(key, { date: refusal.params.date });
    case 'notYetExpired':
      return t(`${key}.${refusal.params.document}`);
    case 'personNotRegistered':
      return t(key, { names: refusal.params.names.join(t('common.listSeparator')) });
    default:
      return t(key);
  }
}
