import { officerKey, officerName, type OfficerRef, type Role } from '@shared/domain/officer';
import type { OfficerAccount, PasswordHash } from '@shared/domain/officer-account';
import type { StationIdentity } from '@shared/domain/station';
import { db, guardedWrite } from '@renderer/platform/db';
import { AUDIT_TABLE, appendAudit } from '@renderer/platform/audit';
import { OFFICERS_TABLE, officersTable } from './officers-table';
import { hashPassword } from './password-hash';

/** First-run actions are open to nobody once the station has an account: then accounts need the admin. */
export class StationAlreadySetUpError extends Error {
  constructor() {
    super('station already has officers');
    this.name = 'StationAlreadySetUpError';
  }
}

export function newAccount(ref: OfficerRef, roles: Role[], password: PasswordHash, now = new Date()): OfficerAccount {
  const at = now.toISOString();
  return {
    ...ref,
    key: officerKey(ref),
    roles,
    password,
    disabled: false,
    mustChangePassword: false,
    failedAttempts: 0,
    lockedUntil: null,
    createdAt: at,
    updatedAt: at,
    lastSignInAt: null,
    passwordChangedAt: at,
    passwordHistory: [],
  };
}

export async function stationHasOfficers(): Promise<boolean> {
  return (await officersTable().count()) > 0;
}

/** Writes accounts only while the station has none, in one transaction with its audit entry. */
export async function bootstrapAccounts(station: StationIdentity, accounts: OfficerAccount[], action: string, detail: string): Promise<void> {
  await guardedWrite(() =>
    db().transaction('rw', [OFFICERS_TABLE, AUDIT_TABLE], async () => {
      if ((await officersTable().count()) > 0) throw new StationAlreadySetUpError();
      await officersTable().bulkAdd(accounts);
      await appendAudit({ station: station.code, officer: 'system', action, object: 'officers', result: 'success', detail });
    }),
  );
}

export interface FirstAdminInput {
  policeNumber: string;
  name: string;
  password: string;
}

/** 创建所管理员: the real station's first account; everything else is then done by that admin. */
export async function createFirstAdmin(station: StationIdentity, input: FirstAdminInput): Promise<OfficerAccount> {
  const password = await hashPassword(input.password);
  const ref = { province: station.province, policeNumber: input.policeNumber, name: officerName.parse(input.name) };
  const account = newAccount(ref, ['stationAdmin'], password);
  await bootstrapAccounts(station, [account], 'officer.create', `${account.key} stationAdmin (first admin)`);
  return account;
}
