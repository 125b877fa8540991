import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Action } from '@shared/domain/permissions';
import type { AttachmentRef } from '@shared/attachments';
import { defaultAssistLimits, type AssistTimeLimits } from '@shared/assist/deadlines';
import type { ActorRef, CloseResult, FeedbackKind, RequestForm } from '@shared/assist/model';
import { requiredPermission, type AssistAction } from '@shared/assist/state';
import { officerKey } from '@shared/domain/officer';
import { useSessionStore } from '@renderer/platform/session';
import { callHost } from '@renderer/platform/host';
import { appendAudit } from '@renderer/platform/audit';
import { useStationStore } from '@renderer/platform/station';
import { useRosterStore } from '@renderer/sync';
import * as commands from './commands';
import { loadAssistLimits } from './config';

/**
 * The 协查 screens' store: each step checks the signed-in officer's permission first (a refusal is audited by
 * the session store); the command then checks the request's rules and writes in one transaction.
 */
export const useAssistStore = defineStore('assist', () => {
  const session = useSessionStore();
  const station = useStationStore();
  const roster = useRosterStore();
  const limits = ref<AssistTimeLimits>(defaultAssistLimits);

  async function load(): Promise<void> {
    limits.value = await loadAssistLimits();
    if (!roster.loaded) await roster.load();
  }

  async function actor(action: Action, requestId: string): Promise<commands.AssistActor> {
    const officer = await session.assertCan(action, requestId.startsWith('assist') ? requestId : `assist:${requestId}`);
    // Plain copies: Pinia state is reactive, which IndexedDB cannot store.
    return { station: { code: station.identity.code, name: station.identity.name }, officer: { key: officerKey(officer.ref), name: officer.ref.name } };
  }
  const as = (step: AssistAction, id: string) => actor(requiredPermission[step], id);

  const allows = (step: AssistAction): boolean => session.allows(requiredPermission[step]);

  async function raise(form: RequestForm): Promise<commands.StoredRequestResult> {
    if (!roster.loaded) await roster.load();
    const stations = roster.stations.map((s) => ({ code: s.code, province: s.province, groups: [...s.groups] }));
    return commands.raise(JSON.parse(JSON.stringify(form)) as RequestForm, stations, await actor('assist.raise', 'new'));
  }
  const acknowledge = async (id: string) => commands.acknowledge(id, await as('acknowledge', id));
  const sign = async (id: string) => commands.sign(id, await as('sign', id));
  const feedback = async (id: string, kind: FeedbackKind, text: string, attachments: AttachmentRef[]) =>
    commands.feedback(id, kind, text, JSON.parse(JSON.stringify(attachments)) as AttachmentRef[], await as('feedback', id));
  const hand = async (id: string, to: ActorRef, note: string) => commands.hand(id, { ...to }, note, await as('hand', id));
  const forward = async (id: string, to: string[], note: string) => commands.forward(id, [...to], note, await as('forward', id));
  const close = async (id: string, result: CloseResult, note: string) => commands.close(id, result, note, await as('close', id));
  const amend = async (id: string, reason: string, text: string) => commands.amend(id, reason, text, await as('amend', id));
  const recordHit = async (id: string, input: commands.HitInput) => commands.recordHit(id, { ...input }, await as('recordHit', id));

  /** A figures table as CSV through the host's save dialog; audited. */
  async function exportCsv(suggestedName: string, content: string, what: string): Promise<string | null> {
    const who = await actor('assist.view', what);
    const outcome = await callHost('file.saveAs', { suggestedName, filters: [{ name: 'CSV', extensions: ['csv'] }], content });
    if (outcome.outcome !== 'saved') return null;
    await appendAudit({ station: who.station.code, officer: who.officer.key, action: 'assist.export', object: what, result: 'success', detail: suggestedName });
    return outcome.path;
  }

  return { limits, load, exportCsv, allows, raise, acknowledge, sign, feedback, hand, forward, close, amend, recordHit };
});
