import { passwordProblems, type PasswordProblem } from '@shared/domain/password-policy';
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
): Promise<ChangePasswordOutcome> {
  const account = await officersTable().get(key);
  if (!account || !(await verifyPassword(current, account.password))) {
    await appendAudit({ station: station.code, officer: key, action: 'session.changePassword', object: key, result: 'failure', detail: 'wrongCurrent' });
    return { ok: false, reason: 'wrongCurrent' };
  }
  const problems = passwordProblems(next, { policeNumber: account.policeNumber, current });
  if (problems.length > 0) return { ok: false, reason: 'policy', problems };
  const password = await hashPassword(next);
  await guardedWrite(() =>
    db().transaction('rw', [OFFICERS_TABLE, AUDIT_TABLE], async () => {
      await officersTable().update(key, { password, mustChangePassword: false, updatedAt: now.toISOString() });
      await appendAudit({ station: station.code, officer: key, action: 'session.changePassword', object: key, result: 'success' });
    }),
  );
  return { ok: true };
}
