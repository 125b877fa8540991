import { z } from 'zod';
import { permissions, type Action } from '../domain/permissions';
import { roles as allRoles, type Role } from '../domain/officer';

/**
 * The migration workflow as a pure state machine. Every transition names the state(s) it leaves, the state it
 * reaches, the side that may take it (迁入地 destination / 迁出地 origin) and the permission whose roles may take
 * it; guards add the time rules (expired documents cannot be acted on). Anything else is refused with a reason
 * code and its parameters; the renderer words it in the UI language (shared/ speaks codes, not Chinese).
 */
export const migrationStatuses = [
  'draft', // 草稿
  'submitted', // 待审批
  'rejected', // 不予批准
  'permitIssued', // 已准迁（待迁出地办理）
  'certificateIssued', // 已签发迁移证（待落户）
  'returned', // 已退回
  'settled', // 已落户
  'withdrawn', // 已撤回
  'permitExpired', // 准迁证明过期
  'certificateExpired', // 迁移证过期
] as const;
export const migrationStatus = z.enum(migrationStatuses);
export type MigrationStatus = z.infer<typeof migrationStatus>;

export const sides = ['destination', 'origin'] as const;
export const side = z.enum(sides);
export type Side = z.infer<typeof side>;

export const migrationTransitions = [
  'submit',
  'approve',
  'reject',
  'withdraw',
  'recordContact',
  'issueCertificate',
  'return',
  'notifyApplicant',
  'settle',
  'expirePermit',
  'expireCertificate',
] as const;
export const migrationTransition = z.enum(migrationTransitions);
export type MigrationTransition = z.infer<typeof migrationTransition>;

type Guard = 'permitValid' | 'permitExpired' | 'certificateValid' | 'certificateExpired' | 'contactRecorded';

interface TransitionRule {
  from: readonly MigrationStatus[];
  /** null: the state does not change (a recorded step inside a state). */
  to: MigrationStatus | null;
  side: Side;
  action: Action;
  guards: readonly Guard[];
}

export const transitionRules: Record<MigrationTransition, TransitionRule> = {
  submit: { from: ['draft'], to: 'submitted', side: 'destination', action: 'migration.intake', guards: [] },
  approve: { from: ['submitted'], to: 'permitIssued', side: 'destination', action: 'migration.approve', guards: [] },
  reject: { from: ['submitted'], to: 'rejected', side: 'destination', action: 'migration.reject', guards: [] },
  withdraw: { from: ['draft', 'submitted', 'permitIssued'], to: 'withdrawn', side: 'destination', action: 'migration.withdraw', guards: [] },
  recordContact: { from: ['permitIssued'], to: null, side: 'origin', action: 'migration.issueCertificate', guards: ['permitValid'] },
  issueCertificate: {
    from: ['permitIssued'],
    to: 'certificateIssued',
    side: 'origin',
    action: 'migration.issueCertificate',
    guards: ['permitValid', 'contactRecorded'],
  },
  return: { from: ['permitIssued'], to: 'returned', side: 'origin', action: 'migration.return', guards: [] },
  notifyApplicant: { from: ['certificateIssued'], to: null, side: 'destination', action: 'migration.settle', guards: ['certificateValid'] },
  settle: { from: ['certificateIssued'], to: 'settled', side: 'destination', action: 'migration.settle', guards: ['certificateValid'] },
  expirePermit: { from: ['permitIssued'], to: 'permitExpired', side: 'destination', action: 'migration.view', guards: ['permitExpired'] },
  expireCertificate: {
    from: ['certificateIssued'],
    to: 'certificateExpired',
    side: 'destination',
    action: 'migration.view',
    guards: ['certificateExpired'],
  },
};

export const terminalStatuses: readonly MigrationStatus[] = ['rejected', 'returned', 'settled', 'withdrawn', 'permitExpired', 'certificateExpired'];

/** What the machine needs to know about a case to decide; dates are YYYY-MM-DD (Beijing). */
export interface CaseFacts {
  status: MigrationStatus;
  permitValidUntil?: string | undefined;
  certificateValidUntil?: string | undefined;
  /** A contact with the applicant is on record in which they confirmed the move. */
  contactRecorded?: boolean | undefined;
  /** A contact is on record but the applicant did not confirm (so the refusal can say why, not just "no contact"). */
  contactUnconfirmed?: boolean | undefined;
}

/** Who asks: the side this station plays in the case, and the roles of the signed-in officer. */
export interface Actor {
  side: Side;
  roles: readonly Role[];
}

/** Why a transition is refused, with what the message needs to name (the first thing wrong). */
export type Refusal =
  | { code: 'wrongState'; params: { status: MigrationStatus; transition: MigrationTransition } }
  | { code: 'wrongSide'; params: { transition: MigrationTransition; side: Side } }
  | { code: 'wrongRole'; params: { transition: MigrationTransition; roles: readonly Role[] } }
  | { code: 'permitExpired'; params: { date: string } }
  | { code: 'certificateExpired'; params: { date: string } }
  | { code: 'notYetExpired'; params: { document: 'permit' | 'certificate' } }
  | { code: 'contactMissing'; params: Record<string, never> }
  | { code: 'intentUnconfirmed'; params: Record<string, never> };
export type RefusalCode = Refusal['code'];

export type Decision = { ok: true; to: MigrationStatus } | ({ ok: false } & Refusal);

export function rolesFor(transition: MigrationTransition): readonly Role[] {
  const allowed: readonly Role[] = permissions[transitionRules[transition].action];
  return allRoles.filter((r) => allowed.includes(r));
}

function refuse(refusal: Refusal): Decision {
  return { ok: false, ...refusal };
}

function checkGuard(guard: Guard, facts: CaseFacts, today: string): Decision | null {
  const permitOver = facts.permitValidUntil !== undefined && today > facts.permitValidUntil;
  const certificateOver = facts.certificateValidUntil !== undefined && today > facts.certificateValidUntil;
  switch (guard) {
    case 'permitValid':
      return permitOver ? refuse({ code: 'permitExpired', params: { date: facts.permitValidUntil ?? '' } }) : null;
    case 'certificateValid':
      return certificateOver ? refuse({ code: 'certificateExpired', params: { date: facts.certificateValidUntil ?? '' } }) : null;
    case 'permitExpired':
      return permitOver ? null : refuse({ code: 'notYetExpired', params: { document: 'permit' } });
    case 'certificateExpired':
      return certificateOver ? null : refuse({ code: 'notYetExpired', params: { document: 'certificate' } });
    case 'contactRecorded':
      return facts.contactRecorded ? null : refuse({ code: facts.contactUnconfirmed ? 'intentUnconfirmed' : 'contactMissing', params: {} });
  }
}

/** The state, side and time checks, without roles: also used for events from another station. */
export function decideForSide(facts: CaseFacts, transition: MigrationTransition, actorSide: Side, today: string): Decision {
  const rule = transitionRules[transition];
  if (!rule.from.includes(facts.status)) return refuse({ code: 'wrongState', params: { status: facts.status, transition } });
  if (rule.side !== actorSide) return refuse({ code: 'wrongSide', params: { transition, side: rule.side } });
  for (const guard of rule.guards) {
    const refusal = checkGuard(guard, facts, today);
    if (refusal) return refusal;
  }
  return { ok: true, to: rule.to ?? facts.status };
}

/**
 * Decides whether `actor` may take `transition` on a case in `facts` on Beijing date `today`.
 * Order of checks: state, side, role, then the time rules, so the refusal names the first thing wrong.
 */
export function decide(facts: CaseFacts, transition: MigrationTransition, actor: Actor, today: string): Decision {
  const rule = transitionRules[transition];
  if (!rule.from.includes(facts.status) || rule.side !== actor.side) return decideForSide(facts, transition, actor.side, today);
  const allowed = rolesFor(transition);
  if (!actor.roles.some((r) => allowed.includes(r))) return refuse({ code: 'wrongRole', params: { transition, roles: allowed } });
  return decideForSide(facts, transition, actor.side, today);
}

/** Transitions the actor could take now: what the UI offers as buttons. */
export function availableTransitions(facts: CaseFacts, actor: Actor, today: string): MigrationTransition[] {
  return migrationTransitions.filter((t) => decide(facts, t, actor, today).ok);
}

/** Refusals that name something the officer can do or must know (a missing step, a lapsed document). */
const blockingCodes: readonly RefusalCode[] = ['contactMissing', 'intentUnconfirmed', 'permitExpired', 'certificateExpired'];

/**
 * Steps the actor could take in this state, side and role but a rule holds back, each with why: the UI shows them
 * disabled with the reason, so a step never just disappears (核实联系 saved without the applicant's confirmation
 * used to hide 签发迁移证 without a word).
 */
export function blockedTransitions(facts: CaseFacts, actor: Actor, today: string): { transition: MigrationTransition; refusal: Refusal }[] {
  const blocked: { transition: MigrationTransition; refusal: Refusal }[] = [];
  for (const transition of migrationTransitions) {
    const d = decide(facts, transition, actor, today);
    if (!d.ok && blockingCodes.includes(d.code)) blocked.push({ transition, refusal: d });
  }
  return blocked;
}
