import { officerKey, type OfficerRef, type Role } from '@shared/domain/officer';
import type { OfficerAccount, PasswordHash } from '@shared/domain/officer-account';
import type { StationIdentity } from '@shared/domain/station';
import { db, guardedWrite } from '@renderer/db';
import { AUDIT_TABLE, appendAudit } from '@renderer/features/audit/audit-log';
import { OFFICERS_TABLE, officersTable } from '@renderer/features/officers/table';
import { demoOfficers } from './demo-officers';
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
  };
}

export async function stationHasOfficers(): Promise<boolean> {
  return (await officersTable().count()) > 0;
}

/** Writes accounts only while the station has none, in one transaction with its audit entry. */
async function bootstrap(station: StationIdentity, accounts: OfficerAccount[], action: string, detail: string): Promise<void> {
  await guardedWrite(() =>
    db().transaction('rw', [OFFICERS_TABLE, AUDIT_TABLE], async () => {
      if ((await officersTable().count()) > 0) throw new StationAlreadySetUpError();
      await officersTable().bulkAdd(accounts);
      await appendAudit({ station: station.code, officer: 'system', action, object: 'officers', result: 'success', detail });
    }),
  );
}

export async function loadDemoOfficers(station: StationIdentity): Promise<OfficerAccount[]> {
  const accounts = demoOfficers.map((o) =>
    newAccount({ province: station.province, policeNumber: o.policeNumber, name: o.name }, [o.role], o.password),
  );
  await bootstrap(station, accounts, 'demo.load', accounts.map((a) => a.key).join(' '));
  return accounts;
}

export interface FirstAdminInput {
  policeNumber: string;
  name: string;
  password: string;
}

/** 创建所管理员: the real station's first account; everything else is then done by that admin. */
export async function createFirstAdmin(station: StationIdentity, input: FirstAdminInput): Promise<OfficerAccount> {
  const password = await hashPassword(input.password);
  const ref = { province: station.province, policeNumber: input.policeNumber, name: input.name.trim() };
  const account = newAccount(ref, ['stationAdmin'], password);
  await bootstrap(station, [account], 'officer.create', `${account.key} stationAdmin (first admin)`);
  return account;
}
