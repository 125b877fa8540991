import type { PatrolLogHeader } from '@shared/patrol/log';
import type { InspectionRecord, PatrolEventRow } from '@shared/patrol/entries';
import { exampleCheckpoint } from '@shared/patrol/checkpoint';

export const QINGPU = '310118520000';
export const JIASHAN = '330421520000';
export const LOG_ID = '01JD0000000000000000000000';

export function header(overrides: Partial<PatrolLogHeader> = {}): PatrolLogHeader {
  return {
    id: LOG_ID,
    number: 'XL-20261123-01',
    ownerStation: QINGPU,
    operation: '沪浙边界联勤',
    date: '2026-11-23',
    shift: 'day',
    startTime: '08:00',
    endTime: null,
    type: 'checkpoint',
    units: [
      { kind: 'station', id: QINGPU, name: '蒸淀派出所', province: '310000' },
      { kind: 'station', id: JIASHAN, name: '姚庄派出所', province: '330000' },
      { kind: 'agency', id: 'agency-maritime', name: '海事', agency: 'maritime' },
    ],
    plannedRoute: '',
    actualRoute: '',
    grid: '',
    weather: 'sunny',
    checkpoint: exampleCheckpoint,
    revision: 1,
    updatedAt: '2026-11-23T00:00:00.000Z',
    ...overrides,
  };
}

let seq = 0;
const id = () => `01JD${String((seq += 1)).padStart(22, '0')}`;

export function inspection(overrides: Partial<InspectionRecord> = {}): InspectionRecord {
  return {
    id: id(),
    logId: LOG_ID,
    authorStation: QINGPU,
    authorOfficer: '310000:123456',
    revision: 1,
    updatedAt: '2026-11-23T01:00:00.000Z',
    removed: false,
    lane: 1,
    plate: '沪A12345',
    plateProvince: '沪',
    inspectingUnit: QINGPU,
    startAt: '2026-11-23T01:00:00.000Z',
    endAt: '2026-11-23T01:02:00.000Z',
    occupants: 2,
    result: 'release',
    ...overrides,
  };
}

export function eventRow(overrides: Partial<PatrolEventRow> = {}): PatrolEventRow {
  return {
    id: id(),
    logId: LOG_ID,
    authorStation: JIASHAN,
    authorOfficer: '330000:654321',
    revision: 1,
    updatedAt: '2026-11-23T01:00:00.000Z',
    removed: false,
    at: '2026-11-23T01:00:00.000Z',
    place: '红旗塘大桥',
    type: 'stopCheck',
    persons: [{ name: '张三', idNumber: '11010519491231002X', result: 'clear' }],
    vehicle: { plate: '浙F12345', province: '浙' },
    action: '',
    handoverTo: '',
    caseNumber: '',
    ...overrides,
  };
}
