import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { can, type Action } from '@shared/domain/permissions';
import { officerKey, type OfficerRef, type Role } from '@shared/domain/officer';
import type { OfficerAccount } from '@shared/domain/officer-account';
import { IDLE_LOCK_MINUTES, isLockedOut } from '@shared/domain/sign-in-policy';
import { appendAudit } from '@renderer/platform/audit';
import { useMachinePoliciesStore } from '@renderer/platform/host';
import { officersTable } from './officers-table';
import { useStationStore } from '@renderer/platform/station';
import { authenticate, type SignInOutcome } from './sign-in';
import { changePassword as changeStoredPassword, type ChangePasswordOutcome } from './change-password';
import { clearSession, loadSession, saveSession } from './persistence';
import { accountPasswordExpired, readPasswordMaxAgeDays } from './password-expiry';

export interface SignedInOfficer {
  ref: OfficerRef;
  roles: Role[];
}

/** Thrown where data changes when the signed-in officer's roles do not allow the action. */
export class PermissionDeniedError extends Error {
  constructor(readonly action: Action) {
    super(`permission denied: ${action}`);
    this.name = 'PermissionDeniedError';
  }
}

export const signedIn = (a: OfficerAccount): SignedInOfficer => ({
  ref: { province: a.province, policeNumber: a.policeNumber, name: a.name },
  roles: [...a.roles],
});

/** Who is signed in at this PC. Every change and every outgoing event carries this officer. */
export const useSessionStore = defineStore('session', () => {
  const officer = ref<SignedInOfficer | null>(null);
  /** The screen is locked (idle, or by hand): the officer stays signed in, the page underneath keeps its edits. */
  const locked = ref(false);
  const mustChangePassword = ref(false);
  /** Why the change is forced: the password is older than the station's period (else an admin reset it). */
  const passwordExpired = ref(false);
  /** First-run work (e.g. the demo station's residents) is under way: the gate keeps the first-run screen. */
  const setupInProgress = ref(false);
  /** 10 minutes, or what group policy sets (read before the app mounts); tests shorten it. */
  const idleTimeoutMs = ref((useMachinePoliciesStore().idleLockMinutes ?? IDLE_LOCK_MINUTES) * 60_000);
  const station = useStationStore();

  const actor = computed(() => (officer.value ? officerKey(officer.value.ref) : 'anonymous'));

  function allows(action: Action): boolean {
    return officer.value !== null && can(officer.value.roles, action);
  }

  /** Refuses (and audits the refusal) unless the signed-in officer may take `action` on `object`. */
  async function assertCan(action: Action, object = ''): Promise<SignedInOfficer> {
    const current = officer.value;
    if (current && !locked.value && can(current.roles, action)) return current;
    await appendAudit({ station: station.identity.code, officer: actor.value, action, object, result: 'denied' });
    throw new PermissionDeniedError(action);
  }

  /** Sets who is signed in; the sealed copy that survives a reload follows (`persisted` resolves once it is stored). */
  let persisted: Promise<void> = Promise.resolve();
  function setOfficer(next: SignedInOfficer | null): void {
    officer.value = next;
    locked.value = false;
    persisted = next ? saveSession({ key: officerKey(next.ref), locked: false }) : clearSession();
  }

  /** A password past the station's period forces the change dialog before anything else (like an admin's reset). */
  async function signIn(policeNumber: string, password: string, now = new Date()): Promise<SignInOutcome> {
    const outcome = await authenticate(station.identity, policeNumber, password, 'session.signIn', now);
    if (outcome.ok) {
      const expired = accountPasswordExpired(outcome.account, await readPasswordMaxAgeDays(), now);
      passwordExpired.value = expired;
      mustChangePassword.value = outcome.account.mustChangePassword || expired;
      setOfficer(signedIn(outcome.account));
      await persisted;
    }
    return outcome;
  }

  async function signOut(reason = ''): Promise<void> {
    if (!officer.value) return;
    await appendAudit({ station: station.identity.code, officer: actor.value, action: 'session.signOut', object: actor.value, result: 'success', detail: reason });
    mustChangePassword.value = false;
    passwordExpired.value = false;
    setOfficer(null);
    await persisted;
  }

  async function lock(reason: 'idle' | 'manual'): Promise<void> {
    if (!officer.value || locked.value) return;
    locked.value = true;
    persisted = saveSession({ key: actor.value, locked: true });
    await persisted;
    await appendAudit({ station: station.identity.code, officer: actor.value, action: 'session.lock', object: actor.value, result: 'success', detail: reason });
  }

  /** Unlocking checks the password like a sign-in (failures count towards the lockout); a lockout signs out. */
  async function unlock(password: string): Promise<SignInOutcome> {
    const current = officer.value;
    if (!current) return { ok: false, reason: 'invalid' };
    const outcome = await authenticate(station.identity, current.ref.policeNumber, password, 'session.unlock');
    if (outcome.ok) {
      // Stored unlocked first: a reload right after still finds the screen as the officer left it.
      persisted = saveSession({ key: actor.value, locked: false });
      await persisted;
      locked.value = false;
    } else if (outcome.reason !== 'invalid') {
      await signOut(outcome.reason);
    }
    return outcome;
  }

  async function changePassword(current: string, next: string): Promise<ChangePasswordOutcome> {
    const outcome = await changeStoredPassword(station.identity, actor.value, current, next);
    if (outcome.ok) {
      mustChangePassword.value = false;
      passwordExpired.value = false;
    }
    return outcome;
  }

  /**
   * After a reload: the same officer, locked if the screen was, only if the host opens the sealed session and the
   * account may still sign in (it exists, is enabled, is not locked out and its password has not expired). Every
   * restore and every refusal is audited; a refusal signs no one in and leaves nothing unlocked.
   */
  async function restore(now = new Date()): Promise<void> {
    if (officer.value) return;
    const saved = await loadSession();
    if (saved.kind === 'none') return;
    const audit = (who: string, result: 'success' | 'failure', detail: string) =>
      appendAudit({ station: station.identity.code, officer: who, action: 'session.restore', object: who, result, detail, at: now.toISOString() });
    if (saved.kind === 'refused') {
      // Nothing in a refused token is trusted, not even the officer it names.
      await clearSession();
      await audit('anonymous', 'failure', `refused: ${saved.reason}`);
      return;
    }
    const account = await officersTable().get(saved.key);
    const problem = await restoreProblem(account, now);
    if (problem || !account) {
      await clearSession();
      await audit(saved.key, 'failure', problem ?? 'unknownOfficer');
      return;
    }
    officer.value = signedIn(account);
    locked.value = saved.locked;
    mustChangePassword.value = account.mustChangePassword;
    passwordExpired.value = false;
    // Sealed afresh: this token is now the window's newest, the one just opened no longer opens.
    persisted = saveSession({ key: account.key, locked: saved.locked });
    await persisted;
    await audit(account.key, 'success', saved.locked ? 'locked' : '');
  }

  return {
    officer,
    locked,
    mustChangePassword,
    passwordExpired,
    setupInProgress,
    idleTimeoutMs,
    actor,
    allows,
    assertCan,
    setOfficer,
    signIn,
    signOut,
    lock,
    unlock,
    changePassword,
    restore,
  };
});

/** Why a restored account may not carry on, or null when it may. */
async function restoreProblem(account: OfficerAccount | undefined, now: Date): Promise<string | null> {
  if (!account) return 'unknownOfficer';
  if (account.disabled) return 'disabled';
  if (isLockedOut(account, now)) return `lockedOut until ${account.lockedUntil ?? ''}`;
  if (accountPasswordExpired(account, await readPasswordMaxAgeDays(), now)) return 'passwordExpired';
  return null;
}
