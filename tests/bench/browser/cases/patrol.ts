import Dexie from 'dexie';
import { ulid } from 'ulid';
import { closeDatabase, db } from '@renderer/platform/db/connection';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { saveHeader, saveInspection, saveVesselPart, type PatrolActor } from '@renderer/features/patrol/commands';
import { readLog } from '@renderer/features/patrol/queries';
import { inspectionsTable, vesselPartsTable, vesselsTable } from '@renderer/features/patrol/tables';
import { vesselPartId, type VesselInspection, type VesselPart } from '@shared/patrol/vessel';
import { summarizeVessels, vesselFigures } from '@shared/patrol/vessel-figures';
import { exampleCheckpoint } from '@shared/patrol/checkpoint';
import type { InspectionRecord } from '@shared/patrol/entries';
import { liveFigures, overlayRecords } from '@shared/patrol/figures';
import { percentile, sample, type BenchCase } from '../../lib';

const QINGPU = '310118520000';
const JIASHAN = '330421520000';
const actor: PatrolActor = { station: QINGPU, officer: '310000:000003', officerName: '张伟' };
const PRELOADED = 500;
const SAMPLES = 60;

function record(logId: string, i: number, at: number): Omit<InspectionRecord, 'revision' | 'updatedAt'> {
  const zhe = i % 3 === 0;
  return {
    id: ulid(),
    logId,
    authorStation: QINGPU,
    authorOfficer: actor.officer,
    removed: false,
    lane: zhe ? 2 : 1,
    plate: zhe ? `浙F${String(10000 + i).slice(-5)}` : `沪C${String(10000 + i).slice(-5)}`,
    plateProvince: zhe ? '浙' : '沪',
    inspectingUnit: zhe ? JIASHAN : QINGPU,
    startAt: new Date(at).toISOString(),
    endAt: new Date(at + 120_000).toISOString(),
    occupants: 2,
    result: 'release',
  };
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * This machine's floor for one durable save: a bare IndexedDB readwrite transaction putting one row of an
 * inspection's size (no Dexie, no sealing, no audit, no event) until it commits, p95 over as many samples.
 */
async function singleSaveFloorP95(samples: number): Promise<number> {
  const name = 'bench-save-floor';
  await request(indexedDB.deleteDatabase(name));
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('rows', { keyPath: 'id' });
  const database = await request(open);
  const row = { ...record('floor', 0, Date.now()), revision: 1, updatedAt: new Date().toISOString() };
  const times = await sample(samples, async (i) => {
    const tx = database.transaction('rows', 'readwrite');
    tx.objectStore('rows').put({ ...row, id: `row${i}` });
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
  });
  database.close();
  await request(indexedDB.deleteDatabase(name));
  return percentile(times, 95);
}

/**
 * 一点两检 entry speed: recording one finished inspection (validation, row, audit entry, signed event for 嘉善, one
 * transaction) in a log that already holds 500, then the live figures' update as the screen does it (overlay the
 * saved row on what it holds, recompute per lane / per province / average). Target ≤ 16 ms (one frame).
 * The live query's full re-read, which follows in the background, is reported on its own.
 */
const VESSEL_UNITS = [QINGPU, JIASHAN, 'agency-hai-shi', 'agency-jiao-tong-zhi-fa'];

function vesselRow(logId: string, i: number, at: number): VesselInspection {
  return {
    id: ulid(),
    logId,
    authorStation: QINGPU,
    authorOfficer: actor.officer,
    revision: 1,
    updatedAt: new Date(at).toISOString(),
    removed: false,
    vesselName: `浙嘉货${1000 + i}`,
    vesselNumber: `CN2018${String(1_000_000 + i).slice(-7)}`,
    portOfRegistry: i % 3 === 0 ? '310000' : '330400',
    vesselType: 'cargo',
    cargo: '黄沙',
    dangerousGoods: '',
    persons: [],
    startAt: new Date(at).toISOString(),
    endAt: null,
  };
}

function partRow(vessel: VesselInspection, unitId: string, at: number): VesselPart {
  const author = unitId === JIASHAN ? JIASHAN : QINGPU;
  return {
    id: vesselPartId(vessel.id, unitId),
    inspectionId: vessel.id,
    unitId,
    logId: vessel.logId,
    authorStation: author,
    authorOfficer: author === QINGPU ? actor.officer : '330000:000004',
    revision: 1,
    updatedAt: new Date(at).toISOString(),
    removed: false,
    checks: ['identity'],
    findings: '',
    result: 'pass',
    officerName: '张伟',
    at: new Date(at).toISOString(),
  };
}

export const cases: BenchCase[] = [
  {
    name: 'patrol',
    async run() {
      closeDatabase();
      await Dexie.delete(DATABASE_NAME);
      const logId = ulid();
      await saveHeader(actor, {
        id: logId,
        number: 'XL-BENCH-01',
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
        ],
        plannedRoute: '',
        actualRoute: '',
        grid: '',
        weather: 'sunny',
        checkpoint: exampleCheckpoint,
      });
      const start = Date.parse('2026-11-23T00:00:00.000Z');
      const now = new Date().toISOString();
      await inspectionsTable().bulkPut(Array.from({ length: PRELOADED }, (_, i) => ({ ...record(logId, i, start + i * 60_000), revision: 1, updatedAt: now })));

      // What the inspection screen holds: the live query's last read, plus the rows it saved since.
      const base = (await readLog(logId))?.inspections ?? [];
      const overlay = new Map<string, InspectionRecord>();
      let lastTotal = 0;
      const saves: number[] = [];
      const samples = await sample(SAMPLES, async (i) => {
        const t0 = performance.now();
        const saved = await saveInspection(actor, record(logId, PRELOADED + i, start + (PRELOADED + i) * 60_000));
        saves.push(performance.now() - t0);
        overlay.set(saved.id, saved);
        lastTotal = liveFigures(overlayRecords(base, overlay)).total;
      });
      // The live query's re-read that follows in the background (and brings other stations' entries).
      const refreshes = await sample(20, async () => liveFigures((await readLog(logId))?.inspections ?? []));
      if (lastTotal !== PRELOADED + SAMPLES) throw new Error(`live figures saw ${lastTotal} inspections`);
      db().close();
      closeDatabase();
      await Dexie.delete(DATABASE_NAME);
      const floor = await singleSaveFloorP95(SAMPLES);
      return [
        { name: 'patrol.inspection_entry_p95_ms', value: percentile(samples, 95), unit: 'ms' },
        { name: 'patrol.single_save_floor_p95_ms', value: floor, unit: 'ms' },
        { name: 'patrol.inspection_entry_median_ms', value: percentile(samples, 50), unit: 'ms' },
        { name: 'patrol.inspection_save_p95_ms', value: percentile(saves, 95), unit: 'ms' },
        { name: 'patrol.live_query_refresh_p95_ms', value: percentile(refreshes, 95), unit: 'ms' },
      ];
    },
  },
  /**
   * 一点四检 entry speed (issue 20): recording one unit's part of a vessel (its write check against the header in
   * the same transaction, row, audit entry, signed event for 嘉善) in a water log that already holds 500 vessel
   * inspections with their four parts each, then the screen's figures over every vessel with the new part
   * (outcome, minutes, separate-check estimate). Target ≤ 16 ms; the floor of one bare durable save beside it.
   */
  {
    name: 'patrol-vessel',
    async run() {
      closeDatabase();
      await Dexie.delete(DATABASE_NAME);
      const logId = ulid();
      const header = await saveHeader(actor, {
        id: logId,
        number: 'XL-BENCH-02',
        ownerStation: QINGPU,
        operation: '沪浙水上联勤',
        date: '2026-11-23',
        shift: 'day',
        startTime: '08:00',
        endTime: null,
        type: 'water',
        units: [
          { kind: 'station', id: QINGPU, name: '蒸淀派出所', province: '310000' },
          { kind: 'station', id: JIASHAN, name: '姚庄派出所', province: '330000' },
          { kind: 'agency', id: 'agency-hai-shi', name: '海事', agency: 'maritime' },
          { kind: 'agency', id: 'agency-jiao-tong-zhi-fa', name: '交通执法', agency: 'transport' },
        ],
        plannedRoute: '',
        actualRoute: '',
        grid: '红旗塘',
        weather: 'sunny',
        checkpoint: null,
      });
      const start = Date.parse('2026-11-23T00:00:00.000Z');
      // 500 decided vessels with four parts each, and SAMPLES more stopped and waiting for 青浦's part.
      const vessels = Array.from({ length: PRELOADED + SAMPLES }, (_, i) => vesselRow(logId, i, start + i * 60_000));
      const decided = vessels.slice(0, PRELOADED);
      await vesselsTable().bulkPut(vessels);
      await vesselPartsTable().bulkPut(decided.flatMap((v, i) => VESSEL_UNITS.map((u, n) => partRow(v, u, start + i * 60_000 + (n + 1) * 60_000))));

      const view = await readLog(logId);
      const baseParts = view?.vesselParts ?? [];
      const saved: VesselPart[] = [];
      let lastReleased = 0;
      const saves: number[] = [];
      const samples = await sample(SAMPLES, async (i) => {
        const vessel = vessels[PRELOADED + i];
        if (!vessel) throw new Error('no vessel to record');
        const t0 = performance.now();
        const part = await saveVesselPart(actor, { inspectionId: vessel.id, unitId: QINGPU, logId, authorOfficer: actor.officer, removed: false, checks: ['identity'], findings: '', result: 'pass', officerName: '张伟', at: new Date().toISOString() });
        saves.push(performance.now() - t0);
        saved.push(part);
        lastReleased = vesselFigures(summarizeVessels(header, view?.vessels ?? vessels, [...baseParts, ...saved])).released;
      });
      if (lastReleased !== PRELOADED || (await vesselPartsTable().count()) !== PRELOADED * 4 + SAMPLES) throw new Error(`vessel figures saw ${lastReleased} released`);
      db().close();
      closeDatabase();
      await Dexie.delete(DATABASE_NAME);
      const floor = await singleSaveFloorP95(SAMPLES);
      return [
        { name: 'patrol.vessel_entry_p95_ms', value: percentile(samples, 95), unit: 'ms' },
        { name: 'patrol.vessel_single_save_floor_p95_ms', value: floor, unit: 'ms' },
        { name: 'patrol.vessel_entry_median_ms', value: percentile(samples, 50), unit: 'ms' },
        { name: 'patrol.vessel_part_save_p95_ms', value: percentile(saves, 95), unit: 'ms' },
      ];
    },
  },
];
