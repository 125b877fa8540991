import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { can, type Action } from '@shared/domain/permissions';
import { officerKey, type OfficerRef, type Role } from '@shared/domain/officer';
import { appendAudit } from '@renderer/features/audit/audit-log';
import { useStationStore } from '@renderer/features/station/store';

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

/** Who is signed in at this PC. Every change and every outgoing event carries this officer. */
export const useSessionStore = defineStore('session', () => {
  const officer = ref<SignedInOfficer | null>(null);
  const station = useStationStore();

  const actor = computed(() => (officer.value ? officerKey(officer.value.ref) : 'anonymous'));

  function allows(action: Action): boolean {
    return officer.value !== null && can(officer.value.roles, action);
  }

  /** Refuses (and audits the refusal) unless the signed-in officer may take `action` on `object`. */
  async function assertCan(action: Action, object = ''): Promise<SignedInOfficer> {
    const current = officer.value;
    if (current && can(current.roles, action)) return current;
    await appendAudit({ station: station.identity.code, officer: actor.value, action, object, result: 'denied' });
    throw new PermissionDeniedError(action);
  }

  function setOfficer(next: SignedInOfficer | null): void {
    officer.value = next;
  }

  return { officer, actor, allows, assertCan, setOfficer };
});
