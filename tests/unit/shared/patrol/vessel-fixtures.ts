import type { PatrolLogHeader } from '@shared/patrol/log';
import { vesselPartId, type VesselInspection, type VesselPart } from '@shared/patrol/vessel';
import { header, JIASHAN, LOG_ID, QINGPU } from './fixtures';

/** A 红旗塘 water checkpoint log: 青浦 (owner) and 嘉善 stations, 海事 and 交通执法 without the app. */
export function waterHeader(overrides: Partial<PatrolLogHeader> = {}): PatrolLogHeader {
  return header({
    type: 'water',
    grid: '红旗塘',
    checkpoint: null,
    units: [
      { kind: 'station', id: QINGPU, name: '蒸淀派出所', province: '310000' },
      { kind: 'station', id: JIASHAN, name: '姚庄派出所', province: '330000' },
      { kind: 'agency', id: 'agency-maritime', name: '海事', agency: 'maritime' },
      { kind: 'agency', id: 'agency-transport', name: '交通执法', agency: 'transport' },
    ],
    ...overrides,
  });
}

let seq = 0;
export const vesselId = (): string => `01JV${String((seq += 1)).padStart(22, '0')}`;

export function vessel(overrides: Partial<VesselInspection> = {}): VesselInspection {
  return {
    id: vesselId(),
    logId: LOG_ID,
    authorStation: QINGPU,
    authorOfficer: '310000:123456',
    revision: 1,
    updatedAt: '2026-11-23T01:00:00.000Z',
    removed: false,
    vesselName: '浙嘉货1234',
    vesselNumber: 'CN20181234567',
    portOfRegistry: '330400',
    vesselType: 'cargo',
    cargo: '黄沙',
    dangerousGoods: '',
    persons: [{ name: '张三', idNumber: '11010519491231002X', result: 'clear', role: 'crew' }],
    startAt: '2026-11-23T01:00:00.000Z',
    endAt: null,
    ...overrides,
  };
}

export function part(inspectionId: string, unitId: string, overrides: Partial<VesselPart> = {}): VesselPart {
  const author = unitId === JIASHAN ? JIASHAN : QINGPU;
  return {
    id: vesselPartId(inspectionId, unitId),
    inspectionId,
    unitId,
    logId: LOG_ID,
    authorStation: author,
    authorOfficer: author === QINGPU ? '310000:123456' : '330000:654321',
    revision: 1,
    updatedAt: '2026-11-23T01:05:00.000Z',
    removed: false,
    checks: ['identity'],
    findings: '',
    result: 'pass',
    officerName: '王警官',
    at: '2026-11-23T01:05:00.000Z',
    ...overrides,
  };
}
