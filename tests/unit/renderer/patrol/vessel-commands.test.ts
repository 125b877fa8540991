import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase, db } from '@renderer/platform/db/connection';
import { auditTable } from '@renderer/platform/audit/audit-log';
import { saveHeader, saveVessel, saveVesselPart, startVessel, type PatrolActor } from '@renderer/features/patrol/commands';
import { readLog } from '@renderer/features/patrol/queries';
import { appliers } from '@renderer/features/patrol/sync-appliers';
import { parkedTable, patrolLogsTable, vesselPartsTable, vesselsTable } from '@renderer/features/patrol/tables';
import { EventNotAuthorizedError, type IncomingEvent } from '@renderer/sync/contract';
import { eventsTable, outboxTable } from '@renderer/sync/tables';
import { vesselOutcome } from '@shared/patrol/vessel';
import { JIASHAN, LOG_ID, QINGPU } from '../../shared/patrol/fixtures';
import { part, vessel, waterHeader } from '../../shared/patrol/vessel-fixtures';

afterEach(async () => {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
});

const qingpu: PatrolActor = { station: QINGPU, officer: '310000:123456', officerName: '王警官' };
const jiashan: PatrolActor = { station: JIASHAN, officer: '330000:654321', officerName: '陈警官' };
const strip = <T extends { revision: number; updatedAt: string }>(row: T) => {
  const { revision: _rev, updatedAt: _at, ...rest } = row;
  return rest;
};
const { revision: _r, updatedAt: _u, ...headerInput } = waterHeader();
const partInput = (inspectionId: string, unitId: string, result: 'pass' | 'rectify' | 'handover' | 'detain' = 'pass') => {
  const { id: _id, authorStation: _a, revision: _rev, updatedAt: _at, ...rest } = part(inspectionId, unitId, { result });
  return rest;
};

let n = 0;
function incoming(type: IncomingEvent['type'], authorStation: string, payload: unknown): IncomingEvent {
  n += 1;
  return { id: `v${n}`, type, aggregateId: LOG_ID, authorStation, authorOfficer: '330000:654321', hlc: `${n}`, payload };
}
const apply = (event: IncomingEvent) => {
  const applier = appliers.appliers[event.type];
  if (!applier) throw new Error(`no applier for ${event.type}`);
  return db().transaction('rw', appliers.tables, (tx) => applier(event, tx));
};

describe('vessel inspection commands (一点四检)', () => {
  it('records the vessel and this station’s parts, audits each and tells the neighbour', async () => {
    await saveHeader(qingpu, headerInput);
    const v = await startVessel(qingpu, strip(vessel()));
    await saveVesselPart(qingpu, partInput(v.id, QINGPU));
    const maritime = await saveVesselPart(qingpu, { ...partInput(v.id, 'agency-maritime'), officerName: '赵海事' });
    expect(maritime).toMatchObject({ id: `${v.id}:agency-maritime`, authorStation: QINGPU, authorOfficer: '310000:123456', officerName: '赵海事' });
    const view = await readLog(LOG_ID);
    expect(view?.vessels.map((x) => x.id)).toEqual([v.id]);
    expect(view?.vesselParts).toHaveLength(2);
    expect((await auditTable().toArray()).map((a) => a.detail)).toEqual([expect.stringMatching(/^header:/), expect.stringMatching(/^vessel:/), expect.stringMatching(/^vesselPart:/), expect.stringMatching(/^vesselPart:/)]);
    const events = await eventsTable(db()).toArray();
    expect(events.map((e) => e.type)).toEqual(['patrol.logSaved', 'patrol.vesselSaved', 'patrol.vesselPartSaved', 'patrol.vesselPartSaved']);
    expect(new Set((await outboxTable(db()).toArray()).map((o) => o.peer))).toEqual(new Set([JIASHAN]));
  });

  it('a second key press revises the same part (one part per unit and vessel)', async () => {
    await saveHeader(qingpu, headerInput);
    const v = await startVessel(qingpu, strip(vessel()));
    await saveVesselPart(qingpu, partInput(v.id, QINGPU, 'rectify'));
    const second = await saveVesselPart(qingpu, partInput(v.id, QINGPU, 'pass'));
    expect(second.revision).toBe(2);
    expect(await vesselPartsTable().count()).toBe(1);
  });

  it('refuses the other station’s part, an unknown unit and a vessel not in the log, writing nothing', async () => {
    await saveHeader(qingpu, headerInput);
    const v = await startVessel(qingpu, strip(vessel()));
    await expect(saveVesselPart(qingpu, partInput(v.id, JIASHAN))).rejects.toMatchObject({ reason: 'notPartAuthor' });
    await expect(saveVesselPart(qingpu, partInput(v.id, 'agency-nobody'))).rejects.toMatchObject({ reason: 'noUnit' });
    await expect(saveVesselPart(qingpu, partInput(vessel().id, QINGPU))).rejects.toMatchObject({ reason: 'noVessel' });
    // 嘉善 holds the same log (through sync) but does not host 海事.
    await patrolLogsTable().put(waterHeader());
    await expect(saveVesselPart(jiashan, partInput(v.id, 'agency-maritime'))).rejects.toMatchObject({ reason: 'notPartAuthor' });
    await expect(saveVessel(jiashan, { ...strip(v), cargo: '煤' })).rejects.toMatchObject({ reason: 'notAuthor' });
    expect(await vesselPartsTable().count()).toBe(0);
    expect(await auditTable().count()).toBe(2);
  });

  it('refuses to stop a vessel already under inspection in the log, until its outcome is decided', async () => {
    await saveHeader(qingpu, headerInput);
    const first = await startVessel(qingpu, strip(vessel()));
    await expect(startVessel(qingpu, strip(vessel()))).rejects.toMatchObject({ reason: 'vesselOpen' });
    // By name alone, the same name is the same vessel; another name is another vessel.
    await expect(startVessel(qingpu, strip(vessel({ vesselNumber: '', vesselName: '苏州货88' })))).resolves.toBeDefined();
    await expect(startVessel(qingpu, strip(vessel({ vesselNumber: '', vesselName: '苏州货88' })))).rejects.toMatchObject({ reason: 'vesselOpen' });
    await saveVesselPart(qingpu, partInput(first.id, QINGPU, 'detain'));
    await expect(startVessel(qingpu, strip(vessel()))).resolves.toBeDefined();
  });
});

describe('vessel appliers', () => {
  it('both provinces see the whole inspection: the neighbour’s part applies beside ours and decides the outcome', async () => {
    await saveHeader(qingpu, headerInput);
    const v = await startVessel(qingpu, strip(vessel()));
    for (const unit of [QINGPU, 'agency-maritime', 'agency-transport']) await saveVesselPart(qingpu, partInput(v.id, unit));
    const theirs = part(v.id, JIASHAN, { authorStation: JIASHAN, revision: 2 });
    await apply(incoming('patrol.vesselPartSaved', JIASHAN, { part: { ...theirs, revision: 1, result: 'detain' }, amendment: null }));
    await apply(incoming('patrol.vesselPartSaved', JIASHAN, { part: theirs, amendment: null }));
    // A replay of the older revision changes nothing.
    await apply(incoming('patrol.vesselPartSaved', JIASHAN, { part: { ...theirs, revision: 1, result: 'detain' }, amendment: null }));
    const view = await readLog(LOG_ID);
    expect(view?.vesselParts).toHaveLength(4);
    expect(vesselOutcome(waterHeader(), view?.vesselParts ?? [])).toEqual({ state: 'released' });
  });

  it('applies the neighbour’s vessel rows and its own part on our vessel', async () => {
    await patrolLogsTable().put(waterHeader());
    const theirs = vessel({ authorStation: JIASHAN, vesselNumber: 'IMO9074729' });
    await apply(incoming('patrol.vesselSaved', JIASHAN, { vessel: theirs, amendment: null }));
    expect(await vesselsTable().get(theirs.id)).toMatchObject({ vesselNumber: 'IMO9074729' });
  });

  it('refuses a neighbour writing another station’s part, an agency part it does not host, or a vessel in another’s name', async () => {
    await patrolLogsTable().put(waterHeader());
    const v = vessel();
    const refused = [
      incoming('patrol.vesselPartSaved', JIASHAN, { part: part(v.id, QINGPU, { authorStation: JIASHAN }), amendment: null }),
      incoming('patrol.vesselPartSaved', JIASHAN, { part: part(v.id, 'agency-maritime', { authorStation: JIASHAN }), amendment: null }),
      incoming('patrol.vesselPartSaved', JIASHAN, { part: part(v.id, QINGPU), amendment: null }),
      incoming('patrol.vesselPartSaved', JIASHAN, { part: { ...part(v.id, JIASHAN), id: `${v.id}:${QINGPU}` }, amendment: null }),
      incoming('patrol.vesselSaved', JIASHAN, { vessel: v, amendment: null }),
    ];
    for (const event of refused) await expect(apply(event)).rejects.toBeInstanceOf(EventNotAuthorizedError);
    expect(await vesselPartsTable().count()).toBe(0);
    expect(await vesselsTable().count()).toBe(0);
  });

  it('lets the station the checkpoint names host an agency', async () => {
    const hosted = waterHeader({ water: { rectification: 'hold', hosts: [{ unitId: 'agency-transport', station: JIASHAN }] } });
    await patrolLogsTable().put(hosted);
    const v = vessel();
    await apply(incoming('patrol.vesselPartSaved', JIASHAN, { part: part(v.id, 'agency-transport', { authorStation: JIASHAN }), amendment: null }));
    expect(await vesselPartsTable().count()).toBe(1);
  });

  it('parks a part that arrives before the header, and judges it when the header comes', async () => {
    const v = vessel();
    await apply(incoming('patrol.vesselPartSaved', JIASHAN, { part: part(v.id, JIASHAN), amendment: null }));
    await apply(incoming('patrol.vesselPartSaved', JIASHAN, { part: part(v.id, 'agency-maritime', { authorStation: JIASHAN }), amendment: null }));
    expect(await parkedTable().count()).toBe(2);
    // The owner's header arrives and applies: 嘉善's own part with it; the 海事 part it may not write is dropped.
    await apply(incoming('patrol.logSaved', QINGPU, { header: waterHeader(), amendment: null }));
    expect(await patrolLogsTable().get(LOG_ID)).toBeDefined();
    expect(await parkedTable().count()).toBe(0);
    expect((await vesselPartsTable().toArray()).map((p) => p.unitId)).toContain(JIASHAN);
    expect((await vesselPartsTable().toArray()).map((p) => p.unitId)).not.toContain('agency-maritime');
  });
});
