import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Action } from '@shared/domain/permissions';
import type { StationRef, ApplicantContact, MigrationCase } from '@shared/migration/model';
import type { CaseReturn } from '@shared/migration/return-reasons';
import { isExpired } from '@shared/migration/deadlines';
import { defaultChecklists } from '@shared/migration/categories';
import { defaultTimeLimits } from '@shared/migration/deadlines';
import { useSessionStore } from '@renderer/platform/session';
import { useStationStore } from '@renderer/platform/station';
import { migrationNow } from './clock';
import { loadMigrationConfig, type MigrationConfig } from './config';
import * as service from './service';
import { casesTable, type DraftForm } from './tables';

/**
 * The migration screens' store: each write checks the signed-in officer's permission first (a refusal is
 * audited by the session store), then the service runs the state machine and writes in one transaction.
 */
export const useMigrationStore = defineStore('migration', () => {
  const session = useSessionStore();
  const station = useStationStore();
  const config = ref<MigrationConfig>({ limits: defaultTimeLimits, checklists: defaultChecklists });

  async function load(): Promise<void> {
    config.value = await loadMigrationConfig();
  }

  async function ctx(action: Action, object: string): Promise<service.OpContext> {
    const officer = await session.assertCan(action, object);
    // Plain copies: Pinia state is a reactive Proxy, which IndexedDB cannot store (DataCloneError).
    return {
      station: { ...station.identity },
      officer: { ref: { ...officer.ref }, roles: [...officer.roles] },
      config: { limits: { ...config.value.limits }, checklists: config.value.checklists },
    };
  }

  const saveDraft = (id: string | null, form: DraftForm): Promise<string> => service.saveDraft(id, form, session.actor);
  const discardDraft = (id: string): Promise<void> => service.discardDraft(id);

  const submit = async (draftId: string, form: DraftForm, origin: StationRef): Promise<MigrationCase> =>
    service.submitIntake(draftId, form, await ctx('migration.intake', `draft:${draftId}`), origin);
  const approve = async (id: string, opinion: string) => service.approve(id, opinion, await ctx('migration.approve', `migration:${id}`));
  const reject = async (id: string, reason: string) => service.reject(id, reason, await ctx('migration.reject', `migration:${id}`));
  const withdraw = async (id: string, note: string) => service.withdraw(id, note, await ctx('migration.withdraw', `migration:${id}`));
  const recordContact = async (id: string, contact: ApplicantContact) =>
    service.recordContact(id, contact, await ctx('migration.issueCertificate', `migration:${id}`));
  const issueCertificate = async (id: string) => service.issueCertificate(id, await ctx('migration.issueCertificate', `migration:${id}`));
  const returnCase = async (id: string, ret: CaseReturn) => service.returnCase(id, ret, await ctx('migration.return', `migration:${id}`));
  const notifyApplicant = async (id: string, note: string) => service.notifyApplicant(id, note, await ctx('migration.settle', `migration:${id}`));
  const settle = async (id: string, householdId: string) => service.settle(id, householdId, await ctx('migration.settle', `migration:${id}`));

  /**
   * Declares every expired document of this station's destination cases (when the list opens), so the
   * origin hears of it. Only officers who may view cases run it; nothing happens for others.
   */
  async function sweepExpired(): Promise<number> {
    if (!session.allows('migration.view')) return 0;
    const now = migrationNow();
    const open = await casesTable().where('status').anyOf(['permitIssued', 'certificateIssued']).toArray();
    const due = open.filter(
      (c) =>
        c.side === 'destination' &&
        ((c.status === 'permitIssued' && c.permit && isExpired(c.permit.validUntil, now)) ||
          (c.status === 'certificateIssued' && c.certificate && isExpired(c.certificate.validUntil, now))),
    );
    for (const c of due) {
      const context = await ctx('migration.view', `migration:${c.id}`);
      await service.expire(c.id, c.status === 'permitIssued' ? 'permit' : 'certificate', context);
    }
    return due.length;
  }

  return { config, load, saveDraft, discardDraft, submit, approve, reject, withdraw, recordContact, issueCertificate, returnCase, notifyApplicant, settle, sweepExpired };
});
