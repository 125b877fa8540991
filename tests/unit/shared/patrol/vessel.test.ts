import { describe, expect, it } from 'vitest';
import { imoCheckDigit, parseVesselId } from '@shared/validation/vessel-id';
import { patrolLogHeader } from '@shared/patrol/log';
import {
  checkPartWrite,
  partAuthor,
  partsWrittenBy,
  recordedOnBehalf,
  registryProvince,
  vesselEndAt,
  vesselInspection,
  vesselOutcome,
  vesselPart,
  type PartResult,
} from '@shared/patrol/vessel';
import { buildVesselReport, summarizeVessels, vesselFigures } from '@shared/patrol/vessel-figures';
import { patrolEvents } from '@shared/patrol/events';
import { JIASHAN, QINGPU } from './fixtures';
import { part, vessel, waterHeader } from './vessel-fixtures';

const today = new Date('2026-11-23T00:00:00Z');
const UNITS = [QINGPU, JIASHAN, 'agency-maritime', 'agency-transport'];
const parts = (id: string, results: PartResult[]) => results.map((result, i) => part(id, UNITS[i] ?? '', { result }));

describe('vessel identification numbers (船舶识别号)', () => {
  it('accepts the China MSA number CN + 11 digits with a plausible keel year, normalised', () => {
    expect(parseVesselId('CN20181234567', today)).toEqual({ ok: true, kind: 'cn', value: 'CN20181234567' });
    expect(parseVesselId(' cn 2018 1234567 ', today)).toEqual({ ok: true, kind: 'cn', value: 'CN20181234567' });
    // Full-width from a Chinese IME.
    expect(parseVesselId('ＣＮ２０１８１２３４５６７', today)).toMatchObject({ ok: true, value: 'CN20181234567' });
  });

  it('refuses CN numbers of the wrong length or an impossible year', () => {
    expect(parseVesselId('CN2018123456', today)).toEqual({ ok: false, error: 'format' });
    expect(parseVesselId('CN201812345678', today)).toEqual({ ok: false, error: 'format' });
    expect(parseVesselId('CN18901234567', today)).toEqual({ ok: false, error: 'year' });
    expect(parseVesselId('CN20301234567', today)).toEqual({ ok: false, error: 'year' });
    expect(parseVesselId('CN20271234567', today)).toMatchObject({ ok: true });
  });

  it('checks the IMO number’s check digit', () => {
    expect(imoCheckDigit('907472')).toBe(9);
    expect(parseVesselId('IMO9074729', today)).toEqual({ ok: true, kind: 'imo', value: 'IMO9074729' });
    expect(parseVesselId('imo 9074729', today)).toMatchObject({ ok: true, value: 'IMO9074729' });
    expect(parseVesselId('IMO9074728', today)).toEqual({ ok: false, error: 'checksum' });
    expect(parseVesselId('IMO907472', today)).toEqual({ ok: false, error: 'format' });
  });

  it('accepts a ship station MMSI and refuses coast stations, groups and aids to navigation', () => {
    expect(parseVesselId('412345678', today)).toEqual({ ok: true, kind: 'mmsi', value: '412345678' });
    expect(parseVesselId('004123456', today)).toEqual({ ok: false, error: 'mid' });
    expect(parseVesselId('992351000', today)).toEqual({ ok: false, error: 'mid' });
    expect(parseVesselId('111412345', today)).toEqual({ ok: false, error: 'mid' });
    expect(parseVesselId('41234567', today)).toEqual({ ok: false, error: 'format' });
    expect(parseVesselId('浙嘉货1234', today)).toEqual({ ok: false, error: 'format' });
  });

  it('the vessel row keeps the number normalised and says which check failed', () => {
    expect(vesselInspection.safeParse(vessel({ vesselNumber: 'IMO9074728' })).error?.issues[0]?.message).toBe('vesselNumber.checksum');
    expect(vesselInspection.safeParse(vessel({ vesselNumber: 'cn20181234567' })).error?.issues[0]?.message).toBe('vesselNumber.format');
    expect(vesselInspection.safeParse(vessel({ vesselNumber: '' })).success).toBe(true);
    expect(vesselInspection.safeParse(vessel({ vesselNumber: '', vesselName: '' })).error?.issues[0]?.message).toBe('vesselNameOrNumber');
  });
});

describe('the vessel row', () => {
  it('derives the province from the port of registry and refuses codes that are not places', () => {
    expect(registryProvince('330400')).toBe('330000');
    expect(registryProvince('310000')).toBe('310000');
    expect(registryProvince('foreign')).toBe('foreign');
    expect(vesselInspection.safeParse(vessel({ portOfRegistry: '339999' })).success).toBe(false);
    expect(vesselInspection.safeParse(vessel({ portOfRegistry: 'foreign' })).success).toBe(true);
  });

  it('validates the crew’s and passengers’ ID numbers per GB 11643', () => {
    const bad = vessel({ persons: [{ name: '李四', idNumber: '110105194912310021', result: 'clear', role: 'passenger' }] });
    expect(vesselInspection.safeParse(bad).error?.issues[0]?.message).toBe('idNumber.checksum');
  });

  it('a part names what was checked and a result code', () => {
    expect(vesselPart.safeParse(part(vessel().id, QINGPU, { checks: [] })).success).toBe(false);
    expect(vesselPart.safeParse(part(vessel().id, QINGPU, { result: 'release' as PartResult })).success).toBe(false);
  });

  it('travels in the patrol events', () => {
    const v = vessel();
    expect(patrolEvents['patrol.vesselSaved'].safeParse({ vessel: v, amendment: null }).success).toBe(true);
    expect(patrolEvents['patrol.vesselPartSaved'].safeParse({ part: part(v.id, QINGPU), amendment: null }).success).toBe(true);
  });
});

describe('the outcome rule (放行 or not)', () => {
  const h = waterHeader();
  const id = vessel().id;

  it('releases when every unit’s part is 合格', () => {
    expect(vesselOutcome(h, parts(id, ['pass', 'pass', 'pass', 'pass']))).toEqual({ state: 'released' });
  });

  it('waits for the missing parts and names them', () => {
    expect(vesselOutcome(h, parts(id, ['pass', 'pass']))).toEqual({ state: 'pending', missing: ['agency-maritime', 'agency-transport'] });
  });

  it('扣留 or 移交 keeps the vessel at once, 扣留 first, whatever is still missing', () => {
    expect(vesselOutcome(h, parts(id, ['pass', 'handover']))).toEqual({ state: 'notReleased', because: 'handover', units: [JIASHAN] });
    expect(vesselOutcome(h, parts(id, ['pass', 'handover', 'detain', 'pass']))).toEqual({ state: 'notReleased', because: 'detain', units: ['agency-maritime'] });
  });

  it('责令整改 holds or releases as the checkpoint is set up', () => {
    const rectify = parts(id, ['pass', 'pass', 'rectify', 'pass']);
    expect(vesselOutcome(h, rectify)).toEqual({ state: 'notReleased', because: 'rectify', units: ['agency-maritime'] });
    expect(vesselOutcome(waterHeader({ water: { rectification: 'release', hosts: [] } }), rectify)).toEqual({ state: 'released' });
  });

  it('ignores removed parts and parts of units not in the log', () => {
    const list = [...parts(id, ['pass', 'pass', 'pass']), part(id, 'agency-transport', { result: 'detain', removed: true }), part(id, 'agency-gone', { result: 'detain' })];
    expect(vesselOutcome(h, list)).toEqual({ state: 'pending', missing: ['agency-transport'] });
  });

  it('ends with the last part once decided, unless the author closed it', () => {
    const list = parts(id, ['pass', 'pass', 'pass', 'pass']).map((p, i) => ({ ...p, at: `2026-11-23T01:0${i + 2}:00.000Z` }));
    expect(vesselEndAt({ endAt: null }, list, vesselOutcome(h, list))).toBe('2026-11-23T01:05:00.000Z');
    expect(vesselEndAt({ endAt: null }, list.slice(0, 2), vesselOutcome(h, list.slice(0, 2)))).toBeNull();
    expect(vesselEndAt({ endAt: '2026-11-23T01:09:00.000Z' }, list, vesselOutcome(h, list))).toBe('2026-11-23T01:09:00.000Z');
  });
});

describe('who may write which part', () => {
  const h = waterHeader();

  it('a station writes its own part and the agencies’ parts it hosts (the owner by default)', () => {
    expect(checkPartWrite(h, QINGPU, QINGPU)).toEqual({ ok: true });
    expect(checkPartWrite(h, QINGPU, 'agency-maritime')).toEqual({ ok: true });
    expect(checkPartWrite(h, JIASHAN, JIASHAN)).toEqual({ ok: true });
    expect(partsWrittenBy(h, QINGPU).map((u) => u.id)).toEqual([QINGPU, 'agency-maritime', 'agency-transport']);
    expect(recordedOnBehalf(h, 'agency-maritime')).toBe(true);
    expect(recordedOnBehalf(h, QINGPU)).toBe(false);
  });

  it('never the other station’s part, nor an agency another station hosts', () => {
    expect(checkPartWrite(h, JIASHAN, QINGPU)).toEqual({ ok: false, reason: 'notPartAuthor' });
    expect(checkPartWrite(h, QINGPU, JIASHAN)).toEqual({ ok: false, reason: 'notPartAuthor' });
    expect(checkPartWrite(h, JIASHAN, 'agency-maritime')).toEqual({ ok: false, reason: 'notPartAuthor' });
    expect(checkPartWrite(h, QINGPU, 'agency-unknown')).toEqual({ ok: false, reason: 'noUnit' });
  });

  it('the checkpoint may have the neighbour host an agency', () => {
    const hosted = waterHeader({ water: { rectification: 'hold', hosts: [{ unitId: 'agency-transport', station: JIASHAN }] } });
    expect(partAuthor(hosted, 'agency-transport')).toBe(JIASHAN);
    expect(checkPartWrite(hosted, QINGPU, 'agency-transport')).toEqual({ ok: false, reason: 'notPartAuthor' });
    expect(partsWrittenBy(hosted, JIASHAN).map((u) => u.id)).toEqual([JIASHAN, 'agency-transport']);
  });

  it('a host must be a station of the log hosting an agency of the log', () => {
    expect(patrolLogHeader.safeParse(waterHeader({ water: { rectification: 'hold', hosts: [{ unitId: 'agency-maritime', station: '320500520000' }] } })).success).toBe(false);
    expect(patrolLogHeader.safeParse(waterHeader({ water: { rectification: 'hold', hosts: [{ unitId: 'agency-absent', station: JIASHAN }] } })).success).toBe(false);
    expect(patrolLogHeader.safeParse(waterHeader()).success).toBe(true);
  });
});

describe('vessel figures and reports', () => {
  const h = waterHeader();
  const a = vessel({ startAt: '2026-11-23T01:00:00.000Z' });
  const b = vessel({ startAt: '2026-11-23T01:30:00.000Z', portOfRegistry: '310000', vesselNumber: 'IMO9074729' });
  const c = vessel({ startAt: '2026-11-23T02:00:00.000Z', vesselNumber: '412345678' });
  const at = (v: typeof a, minutes: number) => new Date(Date.parse(v.startAt) + minutes * 60_000).toISOString();
  const list = [
    ...UNITS.map((u, i) => part(a.id, u, { at: at(a, 4 + i) })),
    ...UNITS.map((u, i) => part(b.id, u, { at: at(b, 2 + i), result: u === 'agency-maritime' ? 'rectify' : 'pass' })),
    part(c.id, QINGPU, { at: at(c, 1) }),
  ];

  it('counts decided vessels, minutes against the separate checks and findings per agency', () => {
    const f = vesselFigures(summarizeVessels(h, [a, b, c], list));
    expect(f).toMatchObject({ total: 2, inProgress: 1, released: 1, notReleased: 1, stopsSaved: 6 });
    // a: 7 minutes jointly, 4+5+6+7 = 22 separately; b: 5 and 2+3+4+5 = 14.
    expect(f.averageMinutes).toBeCloseTo(6);
    expect(f.averageSeparateMinutes).toBeCloseTo(18);
    // Two vessels between 01:00 and 01:35.
    expect(f.perHour).toBeCloseTo(120 / 35);
    expect(f.findingsByAgency).toEqual({ maritime: 1 });
    expect(f.byProvince).toEqual({ '330000': 1, '310000': 1 });
  });

  it('reports per station and operation', () => {
    const rows = buildVesselReport({ headers: [h], vessels: [a, b, c], vesselParts: list }, 'day', 'station');
    expect(rows).toEqual([expect.objectContaining({ period: '2026-11-23', group: QINGPU, total: 2, released: 1, byProvince: { '330000': 1, '310000': 1 } })]);
    expect(buildVesselReport({ headers: [h], vessels: [a], vesselParts: list }, 'week', 'operation')[0]).toMatchObject({ period: '2026-11-23', group: '沪浙边界联勤', total: 1 });
  });
});
