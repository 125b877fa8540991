import type { OfficerAccount } from '@shared/domain/officer-account';
import { afterFailedAttempt, cleared, isLockedOut } from '@shared/domain/sign-in-policy';
import type { StationIdentity } from '@shared/domain/station';
import { db, guardedWrite } from '@renderer/platform/db';
import { AUDIT_TABLE, appendAudit } from '@renderer/platform/audit';
import { OFFICERS_TABLE, officersTable } from './officers-table';
import { hashPassword, verifyPassword } from './password-hash';

export type SignInOutcome =
  | { ok: true; account: OfficerAccount }
  | { ok: false; reason: 'invalid' | 'disabled' }
  | { ok: false; reason: 'locked'; until: string };

/** A hash to check unknown 警号 against, so a wrong number takes as long as a wrong password. */
let decoy: Promise<Awaited<ReturnType<typeof hashPassword>>> | null = null;

/** 警号 is unique within a province; an account of the station's own province wins over a visiting one. */
export async function findAccount(station: StationIdentity, policeNumber: string): Promise<OfficerAccount | undefined> {
  const matches = await officersTable().where('policeNumber').equals(policeNumber).toArray();
  return matches.find((a) => a.province === station.province) ?? matches[0];
}

/**
 * Checks a password and records the attempt: the account's failure count and lock, and an audit entry, change in
 * one transaction. `action` is `session.signIn`, or `session.unlock` at the lock screen.
 */
export async function authenticate(
  station: StationIdentity,
  policeNumber: string,
  password: string,
  action = 'session.signIn',
  now = new Date(),
): Promise<SignInOutcome> {
  const audit = (officer: string, result: 'success' | 'failure', detail: string) =>
    appendAudit({ station: station.code, officer, action, object: officer, result, detail, at: now.toISOString() });
  const account = await findAccount(station, policeNumber);
  if (!account) {
    decoy ??= hashPassword('decoy-password');
    await verifyPassword(password, await decoy);
    await audit(`${station.province}:${policeNumber}`, 'failure', 'unknownOfficer');
    return { ok: false, reason: 'invalid' };
  }
  if (isLockedOut(account, now) && account.lockedUntil) {
    await audit(account.key, 'failure', `lockedOut until ${account.lockedUntil}`);
    return { ok: false, reason: 'locked', until: account.lockedUntil };
  }
  const matches = await verifyPassword(password, account.password);
  if (!matches) return recordFailure(account.key, audit, now);
  if (account.disabled) {
    await audit(account.key, 'failure', 'disabled');
    return { ok: false, reason: 'disabled' };
  }
  const updated = { ...account, ...cleared, lastSignInAt: now.toISOString() };
  await guardedWrite(() =>
    db().transaction('rw', [OFFICERS_TABLE, AUDIT_TABLE], async () => {
      await officersTable().update(account.key, { ...cleared, lastSignInAt: updated.lastSignInAt });
      await audit(account.key, 'success', '');
    }),
  );
  return { ok: true, account: updated };
}

type Audit = (officer: string, result: 'success' | 'failure', detail: string) => Promise<unknown>;

async function recordFailure(key: string, audit: Audit, now: Date): Promise<SignInOutcome> {
  return guardedWrite(() =>
    db().transaction('rw', [OFFICERS_TABLE, AUDIT_TABLE], async (): Promise<SignInOutcome> => {
      // Re-read inside the transaction: two windows failing at once must both count.
      const current = await officersTable().get(key);
      if (!current) return { ok: false, reason: 'invalid' };
      const next = afterFailedAttempt(current, now);
      await officersTable().update(key, { ...next, updatedAt: now.toISOString() });
      const lockedNow = next.lockedUntil !== null;
      await audit(key, 'failure', lockedNow ? `badPassword ${next.failedAttempts}; lockedOut until ${next.lockedUntil}` : `badPassword ${next.failedAttempts}`);
      return lockedNow && next.lockedUntil ? { ok: false, reason: 'locked', until: next.lockedUntil } : { ok: false, reason: 'invalid' };
    }),
  );
}
