import { PASSWORD_HISTORY, passwordProblems, type PasswordProblem } from '@shared/domain/password-policy';
import { PBKDF2_ITERATIONS, type OfficerAccount } from '@shared/domain/officer-account';
import type { StationIdentity } from '@shared/domain/station';
import { db, guardedWrite } from '@renderer/platform/db';
import { AUDIT_TABLE, appendAudit } from '@renderer/platform/audit';
import { OFFICERS_TABLE, officersTable } from './officers-table';
import { hashPassword, verifyPassword } from './password-hash';

export type ChangePasswordOutcome =
  | { ok: true }
  | { ok: false; reason: 'wrongCurrent' }
  | { ok: false; reason: 'policy'; problems: PasswordProblem[] };

/** 修改密码: the officer proves the current password; the new one must meet the policy. */
export async function changePassword(
  station: StationIdentity,
  key: string,
  current: string,
  next: string,
  now = new Date(),
  iterations = PBKDF2_ITERATIONS,
): Promise<ChangePasswordOutcome> {
  const account = await officersTable().get(key);
  if (!account || !(await verifyPassword(current, account.password))) {
    await appendAudit({ station: station.code, officer: key, action: 'session.changePassword', object: key, result: 'failure', detail: 'wrongCurrent' });
    return { ok: false, reason: 'wrongCurrent' };
  }
  const problems = passwordProblems(next, { policeNumber: account.policeNumber, current });
  if (problems.length === 0 && (await usedRecently(next, account))) problems.push('recentlyUsed');
  if (problems.length > 0) return { ok: false, reason: 'policy', problems };
  const password = await hashPassword(next, iterations);
  // The current hash joins the history (newest first); with it, the last PASSWORD_HISTORY passwords are refused.
  const passwordHistory = [account.password, ...(account.passwordHistory ?? [])].slice(0, PASSWORD_HISTORY - 1);
  const at = now.toISOString();
  await guardedWrite(() =>
    db().transaction('rw', [OFFICERS_TABLE, AUDIT_TABLE], async () => {
      await officersTable().update(key, { password, passwordHistory, passwordChangedAt: at, mustChangePassword: false, updatedAt: at });
      await appendAudit({ station: station.code, officer: key, action: 'session.changePassword', object: key, result: 'success' });
    }),
  );
  return { ok: true };
}

/** 不得重复使用: the new password against the current hash and the kept ones (PBKDF2 each, checked side by side). */
async function usedRecently(next: string, account: OfficerAccount): Promise<boolean> {
  const hashes = [account.password, ...(account.passwordHistory ?? [])].slice(0, PASSWORD_HISTORY);
  const matches = await Promise.all(hashes.map((hash) => verifyPassword(next, hash)));
  return matches.some(Boolean);
}
