import { describe, expect, it } from 'vitest';
import { roles, type Role } from '@shared/domain/officer';
import {
  availableTransitions,
  blockedTransitions,
  decide,
  decideForSide,
  migrationStatuses,
  migrationTransitions,
  sides,
  type MigrationStatus,
  type MigrationTransition,
  type Side,
} from '@shared/migration/state-machine';

/**
 * The expected matrix, written out by hand from the brief (not derived from the implementation's table):
 * [from, transition, side, roles allowed, to].
 */
const W: Role[] = ['window'];
const A: Role[] = ['approver'];
const WA: Role[] = ['window', 'approver'];
const expected: [MigrationStatus, MigrationTransition, Side, Role[], MigrationStatus][] = [
  ['draft', 'submit', 'destination', W, 'submitted'],
  ['submitted', 'approve', 'destination', A, 'permitIssued'],
  ['submitted', 'reject', 'destination', A, 'rejected'],
  ['draft', 'withdraw', 'destination', W, 'withdrawn'],
  ['submitted', 'withdraw', 'destination', W, 'withdrawn'],
  ['permitIssued', 'withdraw', 'destination', W, 'withdrawn'],
  ['permitIssued', 'recordContact', 'origin', W, 'permitIssued'],
  ['permitIssued', 'issueCertificate', 'origin', W, 'certificateIssued'],
  ['permitIssued', 'return', 'origin', W, 'returned'],
  ['certificateIssued', 'notifyApplicant', 'destination', W, 'certificateIssued'],
  ['certificateIssued', 'settle', 'destination', W, 'settled'],
  ['permitIssued', 'expirePermit', 'destination', WA, 'permitExpired'],
  ['certificateIssued', 'expireCertificate', 'destination', WA, 'certificateExpired'],
];

const today = '2026-11-23';
/** Facts under which every time guard passes for the non-expiry transitions. */
function factsFor(status: MigrationStatus, transition: MigrationTransition) {
  const expiring = transition === 'expirePermit' || transition === 'expireCertificate';
  const validity = expiring ? '2026-11-01' : '2026-12-31';
  return { status, permitValidUntil: validity, certificateValidUntil: validity, contactRecorded: true };
}

describe('migration state machine: every state × transition × side × role', () => {
  for (const status of migrationStatuses) {
    for (const transition of migrationTransitions) {
      for (const s of sides) {
        for (const role of roles) {
          const row = expected.find(([from, t]) => from === status && t === transition);
          const allowed = row !== undefined && row[2] === s && row[3].includes(role);
          it(`${status} · ${transition} · ${s} · ${role} → ${allowed ? row?.[4] : 'refused'}`, () => {
            const decision = decide(factsFor(status, transition), transition, { side: s, roles: [role] }, today);
            if (allowed) {
              expect(decision).toEqual({ ok: true, to: row[4] });
              return;
            }
            expect(decision.ok).toBe(false);
            if (decision.ok) return;
            // The first thing wrong is named: state, then side, then role.
            const code = row === undefined ? 'wrongState' : row[2] !== s ? 'wrongSide' : 'wrongRole';
            expect(decision.code).toBe(code);
            // A code and what the sentence must name; the renderer words it (shared/ speaks codes, not Chinese).
            const params: Record<string, unknown> =
              code === 'wrongState' ? { status, transition } : code === 'wrongSide' ? { transition, side: row?.[2] } : { transition, roles: row?.[3] };
            expect(decision.params).toEqual(params);
          });
        }
      }
    }
  }
});

describe('migration state machine: time rules', () => {
  const dest = { side: 'destination' as const, roles: ['window'] as Role[] };
  const origin = { side: 'origin' as const, roles: ['window'] as Role[] };

  it('refuses to act on an expired permit at the origin, naming the date', () => {
    const d = decide({ status: 'permitIssued', permitValidUntil: '2026-11-22', contactRecorded: true }, 'issueCertificate', origin, today);
    expect(d).toMatchObject({ ok: false, code: 'permitExpired' });
    expect(d).toMatchObject({ params: { date: '2026-11-22' } });
  });

  it('accepts the permit on its last valid day', () => {
    const d = decide({ status: 'permitIssued', permitValidUntil: today, contactRecorded: true }, 'issueCertificate', origin, today);
    expect(d).toEqual({ ok: true, to: 'certificateIssued' });
  });

  it('needs the contact with the applicant recorded before the certificate', () => {
    const d = decide({ status: 'permitIssued', permitValidUntil: '2026-12-31', contactRecorded: false }, 'issueCertificate', origin, today);
    expect(d).toMatchObject({ ok: false, code: 'contactMissing' });
  });

  it('refuses settlement on an expired certificate and allows declaring it expired', () => {
    const facts = { status: 'certificateIssued' as const, certificateValidUntil: '2026-11-20' };
    expect(decide(facts, 'settle', dest, today)).toMatchObject({ ok: false, code: 'certificateExpired' });
    expect(decide(facts, 'expireCertificate', dest, today)).toEqual({ ok: true, to: 'certificateExpired' });
  });

  it('refuses to declare a permit expired while it is still valid', () => {
    expect(decide({ status: 'permitIssued', permitValidUntil: today }, 'expirePermit', dest, today)).toMatchObject({
      ok: false,
      code: 'notYetExpired',
      params: { document: 'permit' },
    });
  });

  it('checks events from another station by side only (their roles were checked there)', () => {
    expect(decideForSide({ status: 'permitIssued', permitValidUntil: '2026-12-31', contactRecorded: true }, 'issueCertificate', 'origin', today).ok).toBe(true);
    expect(decideForSide({ status: 'permitIssued', permitValidUntil: '2026-12-31', contactRecorded: true }, 'issueCertificate', 'destination', today)).toMatchObject({
      ok: false,
      code: 'wrongSide',
    });
  });

  it('offers the officer only the transitions they may take', () => {
    expect(availableTransitions({ status: 'submitted' }, { side: 'destination', roles: ['approver'] }, today)).toEqual(['approve', 'reject']);
    expect(availableTransitions({ status: 'settled' }, { side: 'destination', roles: [...roles] }, today)).toEqual([]);
  });
});

describe('steps held back by a rule are named with why (issue 16 §7)', () => {
  const origin = { side: 'origin' as const, roles: ['window'] as Role[] };
  it('a contact on record without the applicant’s confirmation holds back the certificate as unconfirmed', () => {
    const facts = { status: 'permitIssued' as const, permitValidUntil: '2026-12-31', contactRecorded: false, contactUnconfirmed: true };
    expect(decide(facts, 'issueCertificate', origin, today)).toMatchObject({ ok: false, code: 'intentUnconfirmed' });
    expect(blockedTransitions(facts, origin, today)).toEqual([{ transition: 'issueCertificate', refusal: expect.objectContaining({ code: 'intentUnconfirmed' }) }]);
  });

  it('no contact yet: the certificate waits for it; an expired permit holds back contact and certificate', () => {
    const none = { status: 'permitIssued' as const, permitValidUntil: '2026-12-31' };
    expect(blockedTransitions(none, origin, today).map((b) => [b.transition, b.refusal.code])).toEqual([['issueCertificate', 'contactMissing']]);
    const expired = { ...none, permitValidUntil: '2026-11-01', contactRecorded: true };
    expect(blockedTransitions(expired, origin, today).map((b) => [b.transition, b.refusal.code])).toEqual([
      ['recordContact', 'permitExpired'],
      ['issueCertificate', 'permitExpired'],
    ]);
  });

  it('nothing is shown as held back for another side, role or state', () => {
    const facts = { status: 'permitIssued' as const, permitValidUntil: '2026-12-31' };
    expect(blockedTransitions(facts, { side: 'destination', roles: ['window'] }, today)).toEqual([]);
    expect(blockedTransitions(facts, { side: 'origin', roles: ['auditor'] }, today)).toEqual([]);
    expect(blockedTransitions({ status: 'settled' }, origin, today)).toEqual([]);
  });
});
