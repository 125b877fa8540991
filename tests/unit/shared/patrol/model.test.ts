import { describe, expect, it } from 'vitest';
import { exampleCheckpoint, lanesForPlate, suggestLane } from '@shared/patrol/checkpoint';
import { checkWrite, confirmationState, isNewer } from '@shared/patrol/coauthoring';
import { toCsv } from '@shared/csv';
import { checkedPerson, inspectionRecord, patrolEventRow } from '@shared/patrol/entries';
import { patrolEvents } from '@shared/patrol/events';
import { liveFigures } from '@shared/patrol/figures';
import { patrolLogHeader } from '@shared/patrol/log';
import { buildReport, provinceShare } from '@shared/patrol/reports';
import { eventPayloads } from '@shared/sync/event-registry';
import { eventRow, header, inspection, JIASHAN, QINGPU } from './fixtures';

describe('checkpoint lanes (一点两检)', () => {
  it('sends 浙 plates to lanes 2–3 inspected by Zhejiang police, and others to Shanghai lanes', () => {
    const zhe = suggestLane(exampleCheckpoint, '浙F·A1234');
    expect(zhe?.lanes.map((l) => l.lane)).toEqual([2, 3]);
    expect(zhe).toMatchObject({ lane: 2, inspectingProvince: '330000' });
    expect(zhe?.plate.province.char).toBe('浙');
    const hu = suggestLane(exampleCheckpoint, '沪C12345');
    expect(hu).toMatchObject({ lane: 1, inspectingProvince: '310000' });
    expect(lanesForPlate(exampleCheckpoint, '苏').map((l) => l.lane)).toEqual([1, 4]);
  });

  it('suggests the least busy lane and nothing for an invalid plate', () => {
    expect(suggestLane(exampleCheckpoint, '浙F12345', { 2: 1 })?.lane).toBe(3);
    expect(suggestLane(exampleCheckpoint, '沪A1234O')).toBeNull();
  });
});

describe('live figures', () => {
  it('counts per lane and by plate province, averages finished inspections only', () => {
    const figures = liveFigures([
      inspection({ lane: 1, startAt: '2026-11-23T01:00:00.000Z', endAt: '2026-11-23T01:02:00.000Z' }),
      inspection({ lane: 2, plate: '浙F12345', plateProvince: '浙', startAt: '2026-11-23T01:00:00.000Z', endAt: '2026-11-23T01:04:00.000Z', result: 'turnBack' }),
      inspection({ lane: 2, plate: '浙F12346', plateProvince: '浙', endAt: null, result: null }),
      inspection({ lane: 3, removed: true }),
    ]);
    // 已检车辆 counts the finished vehicles; the one under way is counted apart.
    expect(figures).toMatchObject({ total: 2, inProgress: 1, perLane: { 1: 1, 2: 1 }, byProvince: { 沪: 1, 浙: 1 }, byResult: { release: 1, turnBack: 1 } });
    expect(figures.averageMinutes).toBeCloseTo(3);
    expect(liveFigures([]).averageMinutes).toBeNull();
  });
});

describe('co-authoring', () => {
  it('closes the log only when every station unit confirmed; agencies do not confirm', () => {
    const h = header();
    expect(confirmationState(h, [])).toMatchObject({ closed: false, missing: [QINGPU, JIASHAN] });
    expect(confirmationState(h, [{ unitId: QINGPU }])).toMatchObject({ closed: false, missing: [JIASHAN] });
    expect(confirmationState(h, [{ unitId: JIASHAN }, { unitId: QINGPU }])).toMatchObject({ closed: true, missing: [] });
  });

  it('lets only the author station write its rows, and after closing only with a reason', () => {
    const h = header();
    expect(checkWrite({ header: h, station: QINGPU, rowAuthor: QINGPU, closed: false, reason: null })).toEqual({ ok: true });
    expect(checkWrite({ header: h, station: QINGPU, rowAuthor: JIASHAN, closed: false, reason: null })).toEqual({ ok: false, reason: 'notAuthor' });
    expect(checkWrite({ header: h, station: '320583000000', rowAuthor: '320583000000', closed: false, reason: null })).toEqual({ ok: false, reason: 'notParticipant' });
    expect(checkWrite({ header: h, station: QINGPU, rowAuthor: QINGPU, closed: true, reason: ' ' })).toEqual({ ok: false, reason: 'closedNeedsReason' });
    expect(checkWrite({ header: h, station: QINGPU, rowAuthor: QINGPU, closed: true, reason: '车牌录错' })).toEqual({ ok: true });
  });

  it('keeps the higher revision of a row whatever order revisions arrive in', () => {
    const r1 = { revision: 1, updatedAt: '2026-11-23T01:00:00.000Z' };
    const r2 = { revision: 2, updatedAt: '2026-11-23T00:59:00.000Z' };
    expect(isNewer(r2, r1)).toBe(true);
    expect(isNewer(r1, r2)).toBe(false);
    expect(isNewer(r1, undefined)).toBe(true);
    expect(isNewer(r1, r1)).toBe(false);
  });
});

describe('schemas', () => {
  it('requires the owner among the units and unique unit ids', () => {
    expect(patrolLogHeader.safeParse(header()).success).toBe(true);
    expect(patrolLogHeader.safeParse(header({ ownerStation: '320583000000' })).success).toBe(false);
    const units = header().units;
    expect(patrolLogHeader.safeParse(header({ units: [...units, units[0] as (typeof units)[number]] })).success).toBe(false);
  });

  it('validates ID numbers of checked persons and plates of vehicles', () => {
    expect(checkedPerson.safeParse({ name: '张三', idNumber: '11010519491231002X', result: 'clear' }).success).toBe(true);
    const bad = checkedPerson.safeParse({ name: '张三', idNumber: '110105194912310021', result: 'clear' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('idNumber.checksum');
    expect(patrolEventRow.safeParse(eventRow()).success).toBe(true);
    expect(patrolEventRow.safeParse(eventRow({ vehicle: { plate: '浙F1234O', province: '浙' } })).success).toBe(false);
    expect(inspectionRecord.safeParse(inspection()).success).toBe(true);
    expect(inspectionRecord.safeParse(inspection({ plate: '沪A·12345' })).success).toBe(false);
  });

  it('registers every patrol event type with the sync registry', () => {
    for (const type of Object.keys(patrolEvents)) expect(Object.keys(eventPayloads)).toContain(type);
  });
});

describe('reports', () => {
  const headers = [header(), header({ id: '01JD0000000000000000000099', date: '2026-11-25', operation: '' })];
  const input = {
    headers,
    events: [eventRow({ persons: [{ name: '李四', idNumber: '11010519491231002X', result: 'flagged' }] })],
    inspections: [
      inspection(),
      inspection({ plate: '浙F12345', plateProvince: '浙', inspectingUnit: JIASHAN, endAt: '2026-11-23T01:04:00.000Z', result: 'detain' }),
      inspection({ logId: '01JD0000000000000000000099', endAt: null, result: null }),
    ],
  };

  it('sums per station and day, attributing inspections to the inspecting unit', () => {
    const rows = buildReport(input, 'day', 'station');
    const qp = rows.find((r) => r.period === '2026-11-23' && r.group === QINGPU);
    const js = rows.find((r) => r.period === '2026-11-23' && r.group === JIASHAN);
    expect(qp).toMatchObject({ patrols: 1, vehiclesChecked: 1, personsChecked: 2, findings: 0, averageInspectionMinutes: 2 });
    expect(js).toMatchObject({ patrols: 1, vehiclesChecked: 2, personsChecked: 3, findings: 2, averageInspectionMinutes: 4, byProvince: { 浙: 2 } });
    expect(rows.filter((r) => r.period === '2026-11-25')).toHaveLength(2);
  });

  it('groups weeks by their Monday and operations by name', () => {
    const rows = buildReport(input, 'week', 'operation');
    expect(rows.map((r) => [r.period, r.group, r.patrols])).toEqual([
      ['2026-11-23', '', 1],
      ['2026-11-23', '沪浙边界联勤', 1],
    ]);
    const share = provinceShare(rows);
    expect(share['浙']).toBeCloseTo(0.5);
    expect(share['沪']).toBeCloseTo(0.5);
  });
});

describe('CSV', () => {
  it('quotes, adds a BOM and defuses formulas', () => {
    const csv = toCsv([['车牌', '备注'], ['沪A12345', 'a,"b"'], ['=1+1', -3]]);
    expect(csv).toBe('\uFEFF车牌,备注\r\n沪A12345,"a,""b"""\r\n\'=1+1,-3\r\n');
  });
});
