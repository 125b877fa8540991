import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase } from '@renderer/platform/db/connection';
import { confirmationsTable, inspectionsTable } from '@renderer/features/patrol/tables';
import { confirmLog, saveContingent, saveHeader, saveInspection, startInspection, type PatrolActor } from '@renderer/features/patrol/commands';
import { header, inspection, LOG_ID, QINGPU } from '../../shared/patrol/fixtures';

afterEach(async () => {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
});

const qingpu: PatrolActor = { station: QINGPU, officer: '310000:123456', officerName: '王警官' };
const { revision: _r, updatedAt: _u, ...headerInput } = header();
const open = (plate: string, lane: number) => {
  const { revision: _rev, updatedAt: _at, ...row } = inspection({ plate, plateProvince: plate[0] ?? '沪', lane, endAt: null, result: null });
  return row;
};
const leader = { id: '', logId: LOG_ID, unitId: QINGPU, authorStation: QINGPU, leader: { policeNumber: '123456', name: '王警官' }, members: [], vehicles: [], equipment: [] };

describe('starting inspections (issue 16, item 11)', () => {
  it('keeps several vehicles open at once, one per lane, but never the same plate twice', async () => {
    await saveHeader(qingpu, headerInput);
    const first = await startInspection(qingpu, open('沪A11111', 1));
    await startInspection(qingpu, open('浙F22222', 2));
    await startInspection(qingpu, open('浙F33333', 3));
    await startInspection(qingpu, open('沪A44444', 4));
    await expect(startInspection(qingpu, open('沪A11111', 4))).rejects.toMatchObject({ reason: 'plateOpen' });
    expect(await inspectionsTable().count()).toBe(4);
    // Finished, the plate may come through again.
    const { revision: _rev, updatedAt: _at, ...row } = first;
    await saveInspection(qingpu, { ...row, result: 'release', endAt: new Date().toISOString() });
    await startInspection(qingpu, open('沪A11111', 1));
    expect(await inspectionsTable().count()).toBe(5);
  });
});

describe('signing (issue 16, item 13)', () => {
  it('refuses a log with nobody on patrol or no end time, and signs once both are there', async () => {
    await saveHeader(qingpu, headerInput);
    await expect(confirmLog(qingpu, LOG_ID)).rejects.toMatchObject({ reason: 'noPersonnel' });
    await saveContingent(qingpu, leader);
    await expect(confirmLog(qingpu, LOG_ID)).rejects.toMatchObject({ reason: 'noEndTime' });
    expect(await confirmationsTable().count()).toBe(0);
    await saveHeader(qingpu, { ...headerInput, endTime: '12:00' });
    await confirmLog(qingpu, LOG_ID);
    expect(await confirmationsTable().count()).toBe(1);
  });
});
