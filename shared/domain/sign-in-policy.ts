import type { OfficerAccount } from './officer-account';

/** After this many failed attempts in a row the account is locked (登录失败锁定). */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
/** The screen locks after this long without keyboard or mouse activity. */
export const IDLE_LOCK_MINUTES = 10;

type LockState = Pick<OfficerAccount, 'failedAttempts' | 'lockedUntil'>;

export function isLockedOut(account: LockState, now: Date): boolean {
  return account.lockedUntil !== null && Date.parse(account.lockedUntil) > now.getTime();
}

/** The lock state after one more failed attempt; a lock that has run out starts the count afresh. */
export function afterFailedAttempt(account: LockState, now: Date): LockState {
  const expired = account.lockedUntil !== null && !isLockedOut(account, now);
  const failedAttempts = (expired ? 0 : account.failedAttempts) + 1;
  if (failedAttempts < MAX_FAILED_ATTEMPTS) return { failedAttempts, lockedUntil: null };
  return { failedAttempts, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() };
}

export const cleared: LockState = { failedAttempts: 0, lockedUntil: null };
