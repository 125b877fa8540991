import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase } from '@renderer/platform/db/connection';
import { auditTable } from '@renderer/platform/audit/audit-log';
import { confirmLog, PatrolWriteError, saveContingent, saveEventRow, saveHeader, saveInspection, type PatrolActor } from '@renderer/features/patrol/commands';
import { readLog } from '@renderer/features/patrol/queries';
import { appliers } from '@renderer/features/patrol/sync-appliers';
import type { IncomingEvent } from '@renderer/sync/contract';
import { EventNotAuthorizedError } from '@renderer/sync/contract';
import { patrolLogsTable } from '@renderer/features/patrol/tables';
import { eventsTable, outboxTable } from '@renderer/sync/tables';
import { db } from '@renderer/platform/db/connection';
import { eventRow, header, inspection, JIASHAN, LOG_ID, QINGPU } from '../../shared/patrol/fixtures';

afterEach(async () => {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
});

const qingpu: PatrolActor = { station: QINGPU, officer: '310000:123456', officerName: '王警官' };
const jiashan: PatrolActor = { station: JIASHAN, officer: '330000:654321', officerName: '陈警官' };
const { revision: _r, updatedAt: _u, ...headerInput } = header();
const strip = <T extends { revision: number; updatedAt: string }>(row: T) => {
  const { revision: _rev, updatedAt: _at, ...rest } = row;
  return rest;
};

let n = 0;
function incoming(type: IncomingEvent['type'], authorStation: string, payload: unknown): IncomingEvent {
  n += 1;
  return { id: `e${n}`, type, aggregateId: LOG_ID, authorStation, authorOfficer: '330000:654321', hlc: `${n}`, payload };
}
/** As the inbox runs an applier: inside one transaction over the feature's tables, handed that transaction. */
const apply = (event: IncomingEvent) => {
  const applier = appliers.appliers[event.type];
  if (!applier) throw new Error(`no applier for ${event.type}`);
  return db().transaction('rw', appliers.tables, (tx) => applier(event, tx));
};

describe('patrol commands', () => {
  it('saves a log, its rows and audits each change', async () => {
    const saved = await saveHeader(qingpu, headerInput);
    expect(saved.revision).toBe(1);
    await saveInspection(qingpu, strip(inspection()));
    await saveContingent(qingpu, { id: '', logId: LOG_ID, unitId: QINGPU, authorStation: QINGPU, leader: { policeNumber: '123456', name: '王警官' }, members: [], vehicles: [], equipment: [] });
    const view = await readLog(LOG_ID);
    expect(view?.inspections).toHaveLength(1);
    expect(view?.contingents[0]?.id).toBe(`${LOG_ID}:${QINGPU}`);
    const audit = await auditTable().toArray();
    expect(audit.map((a) => a.action)).toEqual(['patrol.edit', 'patrol.edit', 'patrol.edit']);
    // Each change left for 嘉善 in the same transaction.
    const events = await eventsTable(db()).toArray();
    expect(events.map((e) => e.type)).toEqual(['patrol.logSaved', 'patrol.inspectionSaved', 'patrol.contingentSaved']);
    expect(new Set((await outboxTable(db()).toArray()).map((o) => o.peer))).toEqual(new Set([JIASHAN]));
  });

  it('refuses to write another station’s rows and rolls the whole change back', async () => {
    await saveHeader(qingpu, headerInput);
    await expect(saveEventRow(qingpu, strip(eventRow({ authorStation: JIASHAN })))).rejects.toMatchObject({ reason: 'notAuthor' });
    await expect(saveHeader(jiashan, headerInput)).rejects.toBeInstanceOf(PatrolWriteError);
    expect((await readLog(LOG_ID))?.events).toHaveLength(0);
    expect(await auditTable().count()).toBe(1);
  });

  it('closes when both stations confirmed; later changes need a reason and leave an amendment', async () => {
    await saveHeader(qingpu, { ...headerInput, endTime: '12:00' });
    await saveContingent(qingpu, { id: '', logId: LOG_ID, unitId: QINGPU, authorStation: QINGPU, leader: { policeNumber: '123456', name: '王警官' }, members: [], vehicles: [], equipment: [] });
    const record = await saveInspection(qingpu, strip(inspection()));
    await confirmLog(qingpu, LOG_ID);
    await expect(confirmLog(qingpu, LOG_ID)).rejects.toMatchObject({ reason: 'alreadyConfirmed' });
    // Jiashan's confirmation arrives through sync.
    await apply(incoming('patrol.logSaved', QINGPU, { header: await patrolLogsTable().get(LOG_ID), amendment: null }));
    await apply(incoming('patrol.confirmed', JIASHAN, { confirmation: { id: `${LOG_ID}:${JIASHAN}`, logId: LOG_ID, unitId: JIASHAN, officer: '330000:654321', officerName: '陈警官', at: '2026-11-23T02:00:00.000Z' } }));
    await expect(saveInspection(qingpu, { ...strip(record), occupants: 3 })).rejects.toMatchObject({ reason: 'closedNeedsReason' });
    const amended = await saveInspection(qingpu, { ...strip(record), occupants: 3 }, '乘员数录错');
    expect(amended.revision).toBe(2);
    const view = await readLog(LOG_ID);
    expect(view?.amendments).toEqual([expect.objectContaining({ entryId: record.id, reason: '乘员数录错', entryKind: 'inspection' })]);
  });
});

describe('patrol sync appliers', () => {
  it('applies the other station’s entries, keeping the higher revision whatever the order', async () => {
    await saveHeader(qingpu, headerInput);
    const row = eventRow({ id: '01JD0000000000000000000500' });
    await apply(incoming('patrol.eventSaved', JIASHAN, { row: { ...row, revision: 2, place: '新地点' }, amendment: null }));
    await apply(incoming('patrol.eventSaved', JIASHAN, { row, amendment: null }));
    expect((await readLog(LOG_ID))?.events.map((e) => e.place)).toEqual(['新地点']);
  });

  it('refuses entries written in another station’s name or by a non-participant, and header changes by others', async () => {
    await saveHeader(qingpu, headerInput);
    await expect(apply(incoming('patrol.eventSaved', JIASHAN, { row: eventRow({ authorStation: QINGPU }), amendment: null }))).rejects.toBeInstanceOf(EventNotAuthorizedError);
    await expect(apply(incoming('patrol.logSaved', JIASHAN, { header: { ...header(), revision: 5 }, amendment: null }))).rejects.toBeInstanceOf(EventNotAuthorizedError);
    await expect(apply(incoming('patrol.confirmed', JIASHAN, { confirmation: { id: `${LOG_ID}:${QINGPU}`, logId: LOG_ID, unitId: QINGPU, officer: 'x', officerName: 'x', at: '2026-11-23T02:00:00.000Z' } }))).rejects.toBeInstanceOf(EventNotAuthorizedError);
    expect((await readLog(LOG_ID))?.confirmations).toHaveLength(0);
  });

  it('parks entries of a station the header does not list yet, and applies them when the owner adds it', async () => {
    await saveHeader(qingpu, headerInput);
    const zhouzhuang = '320583520000';
    await apply(incoming('patrol.inspectionSaved', zhouzhuang, { record: inspection({ authorStation: zhouzhuang }), amendment: null }));
    expect((await readLog(LOG_ID))?.inspections).toHaveLength(0);
    const joined = { ...header(), revision: 2, units: [...header().units, { kind: 'station' as const, id: zhouzhuang, name: '周庄派出所', province: '320000' as const }] };
    // 嘉善's view: the owner's update adding 周庄 arrives after 周庄's entry.
    await apply(incoming('patrol.logSaved', QINGPU, { header: joined, amendment: null }));
    expect((await readLog(LOG_ID))?.inspections.map((r) => r.authorStation)).toEqual([zhouzhuang]);
  });

  it('rejects malformed payloads', async () => {
    await expect(apply(incoming('patrol.inspectionSaved', JIASHAN, { record: { ...inspection({ authorStation: JIASHAN }), plate: '浙F1234O' }, amendment: null }))).rejects.toThrow();
  });
});
