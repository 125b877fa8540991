import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { can, type Action } from '@shared/domain/permissions';
import { officerKey, type OfficerRef, type Role } from '@shared/domain/officer';
import type { OfficerAccount } from '@shared/domain/officer-account';
import { IDLE_LOCK_MINUTES } from '@shared/domain/sign-in-policy';
import { appendAudit } from '@renderer/platform/audit';
import { officersTable } from './officers-table';
import { useStationStore } from '@renderer/platform/station';
import { authenticate, type SignInOutcome } from './sign-in';
import { changePassword as changeStoredPassword, type ChangePasswordOutcome } from './change-password';
import { clearSession, loadSession, saveSession } from './persistence';

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
  /** First-run work (e.g. the demo station's residents) is under way: the gate keeps the first-run screen. */
  const setupInProgress = ref(false);
  /** 10 minutes; tests shorten it. */
  const idleTimeoutMs = ref(IDLE_LOCK_MINUTES * 60_000);
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

  function setOfficer(next: SignedInOfficer | null): void {
    officer.value = next;
    locked.value = false;
    if (next) saveSession({ key: officerKey(next.ref), locked: false });
    else clearSession();
  }

  async function signIn(policeNumber: string, password: string): Promise<SignInOutcome> {
    const outcome = await authenticate(station.identity, policeNumber, password);
    if (outcome.ok) {
      setOfficer(signedIn(outcome.account));
      mustChangePassword.value = outcome.account.mustChangePassword;
    }
    return outcome;
  }

  async function signOut(reason = ''): Promise<void> {
    if (!officer.value) return;
    await appendAudit({ station: station.identity.code, officer: actor.value, action: 'session.signOut', object: actor.value, result: 'success', detail: reason });
    mustChangePassword.value = false;
    setOfficer(null);
  }

  async function lock(reason: 'idle' | 'manual'): Promise<void> {
    if (!officer.value || locked.value) return;
    locked.value = true;
    saveSession({ key: actor.value, locked: true });
    await appendAudit({ station: station.identity.code, officer: actor.value, action: 'session.lock', object: actor.value, result: 'success', detail: reason });
  }

  /** Unlocking checks the password like a sign-in (failures count towards the lockout); a lockout signs out. */
  async function unlock(password: string): Promise<SignInOutcome> {
    const current = officer.value;
    if (!current) return { ok: false, reason: 'invalid' };
    const outcome = await authenticate(station.identity, current.ref.policeNumber, password, 'session.unlock');
    if (outcome.ok) {
      locked.value = false;
      saveSession({ key: actor.value, locked: false });
    } else if (outcome.reason !== 'invalid') {
      await signOut(outcome.reason);
    }
    return outcome;
  }

  async function changePassword(current: string, next: string): Promise<ChangePasswordOutcome> {
    const outcome = await changeStoredPassword(station.identity, actor.value, current, next);
    if (outcome.ok) mustChangePassword.value = false;
    return outcome;
  }

  /** After a reload: the same officer, if the account still exists and is enabled; locked if it was. */
  async function restore(): Promise<void> {
    const saved = loadSession();
    if (!saved || officer.value) return;
    const account = await officersTable().get(saved.key);
    if (!account || account.disabled) {
      clearSession();
      return;
    }
    officer.value = signedIn(account);
    locked.value = saved.locked;
    mustChangePassword.value = account.mustChangePassword;
  }

  return {
    officer,
    locked,
    mustChangePassword,
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
