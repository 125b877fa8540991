import Dexie from 'dexie';
import { createPinia, setActivePinia } from 'pinia';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase } from '@renderer/platform/db/connection';
import { auditTable } from '@renderer/platform/audit/audit-log';
import { resetAnchor } from '@renderer/platform/audit/anchor';
import { officersTable } from '@renderer/platform/session/officers-table';
import { newAccount } from '@renderer/platform/session/first-run';
import { hashPassword } from '@renderer/platform/session/password-hash';
import type { Role } from '@shared/domain/officer';
import { PBKDF2_MIN_ITERATIONS, type OfficerAccount } from '@shared/domain/officer-account';

export const PASSWORD = 'Station#2026';

export async function freshState(): Promise<void> {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
  // A new PC: no audit anchor left over from the previous test's trail.
  resetAnchor(DATABASE_NAME, null);
  setActivePinia(createPinia());
}

/** An account with the smallest allowed iteration count, so tests that sign in many times stay quick. */
export async function addOfficer(policeNumber: string, roles: Role[], extra: Partial<OfficerAccount> = {}): Promise<OfficerAccount> {
  const password = await hashPassword(PASSWORD, PBKDF2_MIN_ITERATIONS);
  const account = { ...newAccount({ province: '310000', policeNumber, name: `民警${policeNumber}` }, roles, password), ...extra };
  await officersTable().add(account);
  return account;
}

export const auditEntries = () => auditTable().orderBy('seq').toArray();
