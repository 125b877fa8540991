import { describe, expect, it } from 'vitest';
import { confirmBlockers } from '@shared/patrol/coauthoring';
import { laneLoad, liveFigures, openInspectionOf, openInspections } from '@shared/patrol/figures';
import { header, inspection, JIASHAN, QINGPU } from './fixtures';

/** Issue 16, items 11 and 13: several vehicles open at once at the checkpoint; signing needs people and an end time. */
describe('several open inspections (一点两检)', () => {
  const open = (plate: string, lane: number, author = QINGPU) => inspection({ plate, plateProvince: plate[0] ?? '沪', lane, authorStation: author, endAt: null, result: null });

  it('counts only finished vehicles as 已检车辆, and the open ones apart', () => {
    const figures = liveFigures([inspection({ lane: 1 }), open('沪A11111', 1), open('浙F22222', 2), inspection({ lane: 3, removed: true })]);
    expect(figures.total).toBe(1);
    expect(figures.inProgress).toBe(2);
    expect(figures.perLane).toEqual({ 1: 1 });
    expect(figures.byProvince).toEqual({ 沪: 1 });
  });

  it('lists every open inspection of this station, oldest first, one row each', () => {
    const records = [open('沪A11111', 1), inspection({ lane: 1 }), open('浙F22222', 2), open('浙F33333', 3, JIASHAN), open('沪A44444', 4)];
    expect(openInspections(records, QINGPU).map((r) => r.plate)).toEqual(['沪A11111', '浙F22222', '沪A44444']);
    expect(laneLoad(openInspections(records, QINGPU))).toEqual({ 1: 1, 2: 1, 4: 1 });
  });

  it('finds an open inspection of the same plate (at any station of the log), and none once it is finished', () => {
    const records = [open('沪A11111', 1), open('浙F33333', 3, JIASHAN), inspection({ plate: '沪C12345' })];
    expect(openInspectionOf(records, '沪A11111')?.lane).toBe(1);
    expect(openInspectionOf(records, '浙F33333')?.authorStation).toBe(JIASHAN);
    expect(openInspectionOf(records, '沪C12345')).toBeUndefined();
    expect(openInspectionOf([{ ...open('沪A11111', 1), removed: true }], '沪A11111')).toBeUndefined();
  });
});

describe('signing a log (签认)', () => {
  const leader = { policeNumber: '123456', name: '王警官' };

  it('needs the station’s personnel and the log’s end time', () => {
    expect(confirmBlockers(header({ endTime: null }), null)).toEqual(['noPersonnel', 'noEndTime']);
    expect(confirmBlockers(header({ endTime: '12:00' }), { leader: null, members: [] })).toEqual(['noPersonnel']);
    expect(confirmBlockers(header({ endTime: null }), { leader, members: [] })).toEqual(['noEndTime']);
    expect(confirmBlockers(header({ endTime: '12:00' }), { leader, members: [] })).toEqual([]);
  });
});
