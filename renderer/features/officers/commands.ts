import type { Transaction } from 'dexie';
import type { OfficerAccount } from '@shared/domain/officer-account';
import { OFFICERS_TABLE } from '@renderer/platform/session';
import { runCommand } from '@renderer/sync';

/**
 * 民警账号 writes: each is one command (sync's runCommand), the account and its audit entry in one transaction.
 * Permission checks and password hashing (slow on purpose) happen before, in the store.
 */
export class DuplicateOfficerError extends Error {
  constructor(readonly key: string) {
    super(`officer exists: ${key}`);
    this.name = 'DuplicateOfficerError';
  }
}

/** The station must always keep one enabled station admin, or nobody could manage accounts again. */
export class LastAdminError extends Error {
  constructor() {
    super('at least one active station admin must remain');
    this.name = 'LastAdminError';
  }
}

/** Who makes the change: this station and the signed-in officer (`province:警号`). */
export interface OfficerActor {
  station: string;
  officer: string;
}

const accounts = (tx: Transaction) => tx.table<OfficerAccount, string>(OFFICERS_TABLE);
const isActiveAdmin = (a: OfficerAccount) => !a.disabled && a.roles.includes('stationAdmin');

export function createAccount(actor: OfficerActor, account: OfficerAccount): Promise<void> {
  return runCommand({
    tables: [OFFICERS_TABLE],
    async work(scope) {
      if (await accounts(scope.tx).get(account.key)) throw new DuplicateOfficerError(account.key);
      scope.audit({ station: actor.station, officer: actor.officer, action: 'officer.create', object: account.key, result: 'success', detail: account.roles.join(' ') });
      await accounts(scope.tx).add(account);
    },
  });
}

/** Changes one account (with its audit entry); refuses a change that leaves no enabled station admin. */
export function changeAccount(actor: OfficerActor, key: string, action: string, detail: string, patch: (a: OfficerAccount) => Partial<OfficerAccount>): Promise<void> {
  return runCommand({
    tables: [OFFICERS_TABLE],
    async work(scope) {
      const current = await accounts(scope.tx).get(key);
      if (!current) throw new Error(`no officer ${key}`);
      const next = { ...current, ...patch(current), updatedAt: new Date().toISOString() };
      if (isActiveAdmin(current) && !isActiveAdmin(next)) {
        const admins = (await accounts(scope.tx).toArray()).filter(isActiveAdmin);
        if (admins.length <= 1) throw new LastAdminError();
      }
      scope.audit({ station: actor.station, officer: actor.officer, action, object: key, result: 'success', detail });
      await accounts(scope.tx).put(next);
    },
  });
}
