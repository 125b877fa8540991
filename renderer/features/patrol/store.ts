import { defineStore } from 'pinia';
import { ulid } from 'ulid';
import { officerKey } from '@shared/domain/officer';
import type { Action } from '@shared/domain/permissions';
import type { InspectionRecord, InspectionResult, PatrolEventRow } from '@shared/patrol/entries';
import type { PatrolContingent, PatrolLogHeader } from '@shared/patrol/log';
import type { PartCheck, PartResult, VesselInspection, VesselPart } from '@shared/patrol/vessel';
import { useSessionStore } from '@renderer/platform/session';
import { useStationStore } from '@renderer/platform/station';
import { callHost } from '@renderer/platform/host';
import { appendAudit } from '@renderer/platform/audit';
import * as repo from './commands';
import { nextLogNumber } from './queries';

export type HeaderInput = Omit<PatrolLogHeader, 'id' | 'number' | 'ownerStation' | 'revision' | 'updatedAt'>;
type Stamped<T> = Omit<T, 'revision' | 'updatedAt'>;
export type EventInput = Omit<PatrolEventRow, 'id' | 'logId' | 'authorStation' | 'authorOfficer' | 'revision' | 'updatedAt' | 'removed'>;

export type VesselStartInput = Pick<VesselInspection, 'vesselName' | 'vesselNumber' | 'vesselType' | 'portOfRegistry'>;
export interface PartInput {
  unitId: string;
  result: PartResult;
  checks: PartCheck[];
  findings: string;
  /** '' = the signed-in officer (a station's own part). */
  officerName: string;
}

/**
 * Patrol changes as the signed-in officer: every action is checked against the permission table here (where the
 * data changes), then runs as one command (row + audit + outgoing event in one transaction).
 */
export const usePatrolStore = defineStore('patrol', () => {
  const session = useSessionStore();
  const station = useStationStore();

  async function actor(action: Action, object: string): Promise<repo.PatrolActor> {
    const officer = await session.assertCan(action, object);
    return { station: station.identity.code, officer: officerKey(officer.ref), officerName: officer.ref.name };
  }

  async function createLog(input: HeaderInput): Promise<PatrolLogHeader> {
    const who = await actor('patrol.edit', 'patrolLog:new');
    const number = await nextLogNumber(who.station, input.date);
    return repo.saveHeader(who, { ...input, id: ulid(), number, ownerStation: who.station });
  }

  async function saveHeader(header: Stamped<PatrolLogHeader>, reason: string | null): Promise<PatrolLogHeader> {
    return repo.saveHeader(await actor('patrol.edit', `patrolLog:${header.id}`), header, reason);
  }

  async function saveContingent(contingent: Stamped<PatrolContingent>, reason: string | null): Promise<PatrolContingent> {
    return repo.saveContingent(await actor('patrol.edit', `patrolLog:${contingent.logId}`), contingent, reason);
  }

  async function addEvent(logId: string, input: EventInput, reason: string | null): Promise<PatrolEventRow> {
    const who = await actor('patrol.edit', `patrolLog:${logId}`);
    return repo.saveEventRow(who, { ...input, id: ulid(), logId, authorStation: who.station, authorOfficer: who.officer, removed: false }, reason);
  }

  async function updateEvent(row: PatrolEventRow, input: EventInput, reason: string | null): Promise<PatrolEventRow> {
    const who = await actor('patrol.edit', `patrolLog:${row.logId}`);
    return repo.saveEventRow(who, { ...row, ...input, authorOfficer: who.officer }, reason);
  }

  async function removeEvent(row: PatrolEventRow, reason: string | null): Promise<PatrolEventRow> {
    const who = await actor('patrol.edit', `patrolLog:${row.logId}`);
    return repo.saveEventRow(who, { ...row, removed: true, authorOfficer: who.officer }, reason);
  }

  /** Plate + Enter: the inspection starts now and is saved at once (a flat battery loses nothing). */
  async function startInspection(logId: string, input: { plate: string; plateProvince: string; lane: number; inspectingUnit: string; occupants: number }): Promise<InspectionRecord> {
    const who = await actor('patrol.edit', `patrolLog:${logId}`);
    const now = new Date().toISOString();
    return repo.startInspection(who, { ...input, id: ulid(), logId, authorStation: who.station, authorOfficer: who.officer, removed: false, startAt: now, endAt: null, result: null });
  }

  /** The result key ends the inspection: end time now (the duration is end − start). */
  async function finishInspection(record: InspectionRecord, result: InspectionResult, occupants: number, reason: string | null = null): Promise<InspectionRecord> {
    const who = await actor('patrol.edit', `patrolLog:${record.logId}`);
    return repo.saveInspection(who, { ...record, result, occupants, endAt: record.endAt ?? new Date().toISOString() }, reason);
  }

  async function saveInspection(record: InspectionRecord, reason: string | null): Promise<InspectionRecord> {
    return repo.saveInspection(await actor('patrol.edit', `patrolLog:${record.logId}`), record, reason);
  }

  /** 一点四检: name or number + Enter stops the vessel now, saved at once; its parts follow by key. */
  async function startVessel(logId: string, input: VesselStartInput): Promise<VesselInspection> {
    const who = await actor('patrol.edit', `patrolLog:${logId}`);
    return repo.startVessel(who, {
      ...input,
      id: ulid(),
      logId,
      authorStation: who.station,
      authorOfficer: who.officer,
      removed: false,
      cargo: '',
      dangerousGoods: '',
      persons: [],
      startAt: new Date().toISOString(),
      endAt: null,
    });
  }

  async function saveVessel(vessel: VesselInspection, reason: string | null): Promise<VesselInspection> {
    const who = await actor('patrol.edit', `patrolLog:${vessel.logId}`);
    return repo.saveVessel(who, { ...vessel, authorOfficer: who.officer }, reason);
  }

  /**
   * One unit's result on a vessel, now. `officerName` is who checked: this officer for the station's own part, the
   * agency's officer for a part recorded on its behalf (the recorder stays `authorOfficer`).
   */
  async function recordPart(vessel: VesselInspection, input: PartInput, reason: string | null = null): Promise<VesselPart> {
    const who = await actor('patrol.edit', `patrolLog:${vessel.logId}`);
    return repo.saveVesselPart(
      who,
      { ...input, officerName: input.officerName || who.officerName, inspectionId: vessel.id, logId: vessel.logId, authorOfficer: who.officer, removed: false, at: new Date().toISOString() },
      reason,
    );
  }

  async function confirm(logId: string): Promise<void> {
    await repo.confirmLog(await actor('patrol.confirm', `patrolLog:${logId}`), logId);
  }

  /** CSV through the host bridge (the user picks where); audited with what was exported. */
  async function exportCsv(suggestedName: string, content: string, what: string): Promise<string | null> {
    const who = await actor('patrol.export', what);
    const outcome = await callHost('file.saveAs', { suggestedName, filters: [{ name: 'CSV', extensions: ['csv'] }], content });
    if (outcome.outcome !== 'saved') return null;
    await appendAudit({ station: who.station, officer: who.officer, action: 'patrol.export', object: what, result: 'success', detail: suggestedName });
    return outcome.path;
  }

  return {
    exportCsv,
    createLog,
    saveHeader,
    saveContingent,
    addEvent,
    updateEvent,
    removeEvent,
    startInspection,
    finishInspection,
    saveInspection,
    startVessel,
    saveVessel,
    recordPart,
    confirm,
  };
});
