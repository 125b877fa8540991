import { defineStore } from 'pinia';
import { officerKey, officerName, type Role } from '@shared/domain/officer';
import type { OfficerAccount } from '@shared/domain/officer-account';
import { PASSWORD_HISTORY, passwordProblems, type PasswordProblem } from '@shared/domain/password-policy';
import { cleared } from '@shared/domain/sign-in-policy';
import { newAccount } from '@renderer/platform/session';
import { hashPassword } from '@renderer/platform/session';
import { useSessionStore } from '@renderer/platform/session';
import { useStationStore } from '@renderer/platform/station';
import { officersTable } from '@renderer/platform/session';
import { changeAccount, createAccount, DuplicateOfficerError, type OfficerActor } from './commands';

export { DuplicateOfficerError, LastAdminError } from './commands';

export class PasswordPolicyError extends Error {
  constructor(readonly problems: PasswordProblem[]) {
    super(`password policy: ${problems.join(', ')}`);
    this.name = 'PasswordPolicyError';
  }
}

export interface NewOfficerInput {
  policeNumber: string;
  name: string;
  roles: Role[];
  /** An initial password the officer must change at the first sign-in. */
  password: string;
}

/** 民警账号管理 for the station admin. Every change checks `officer.manage` and is audited in the same transaction. */
export const useOfficersStore = defineStore('officers', () => {
  const session = useSessionStore();
  const station = useStationStore();

  function checkPassword(password: string, policeNumber: string): void {
    const problems = passwordProblems(password, { policeNumber });
    if (problems.length > 0) throw new PasswordPolicyError(problems);
  }

  const actor = (): OfficerActor => ({ station: station.identity.code, officer: session.actor });

  /** One account changed with its audit entry, atomically (see commands.ts: the last admin stays). */
  function change(key: string, action: string, detail: string, patch: (a: OfficerAccount) => Partial<OfficerAccount>): Promise<void> {
    return changeAccount(actor(), key, action, detail, patch);
  }

  async function create(input: NewOfficerInput): Promise<OfficerAccount> {
    const ref = { province: station.identity.province, policeNumber: input.policeNumber, name: officerName.parse(input.name) };
    const key = officerKey(ref);
    await session.assertCan('officer.manage', key);
    checkPassword(input.password, input.policeNumber);
    if (await officersTable().get(key)) throw new DuplicateOfficerError(key);
    const account = { ...newAccount(ref, [...input.roles], await hashPassword(input.password)), mustChangePassword: true };
    await createAccount(actor(), account);
    return account;
  }

  async function update(key: string, name: string, roles: Role[]): Promise<void> {
    await session.assertCan('officer.manage', key);
    const checked = officerName.parse(name);
    await change(key, 'officer.update', `${checked} ${roles.join(' ')}`, () => ({ name: checked, roles: [...roles] }));
  }

  async function resetPassword(key: string, temporary: string): Promise<void> {
    await session.assertCan('officer.manage', key);
    const account = await officersTable().get(key);
    checkPassword(temporary, account?.policeNumber ?? '');
    const password = await hashPassword(temporary);
    // The password being replaced joins the history: after the reset the officer cannot go back to it.
    const passwordHistory = (a: OfficerAccount) => [a.password, ...(a.passwordHistory ?? [])].slice(0, PASSWORD_HISTORY - 1);
    await change(key, 'officer.resetPassword', '', (a) => ({ password, passwordHistory: passwordHistory(a), mustChangePassword: true, ...cleared }));
  }

  async function unlock(key: string): Promise<void> {
    await session.assertCan('officer.manage', key);
    await change(key, 'officer.unlock', '', () => cleared);
  }

  async function setDisabled(key: string, disabled: boolean): Promise<void> {
    await session.assertCan('officer.manage', key);
    await change(key, disabled ? 'officer.disable' : 'officer.enable', '', () => ({ disabled }));
  }

  return { create, update, resetPassword, unlock, setDisabled };
});
