import type { OfficerAccount } from '@shared/domain/officer-account';
import { useLiveQuery } from '@renderer/platform/db';
import { officersTable } from '@renderer/platform/session';

/** 民警账号 reads for the screens, live (writes are in commands.ts). */

/** Every account, by 警号. */
export const useAccounts = () => useLiveQuery<OfficerAccount[]>(() => officersTable().orderBy('policeNumber').toArray());

/** How many accounts exist (none yet: the first-run screen). */
export const useOfficerCount = () => useLiveQuery<number>(() => officersTable().count());
