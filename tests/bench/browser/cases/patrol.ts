import Dexie from 'dexie';
import { ulid } from 'ulid';
import { closeDatabase, db } from '@renderer/platform/db/connection';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { saveHeader, saveInspection, type PatrolActor } from '@renderer/features/patrol/commands';
import { readLog } from '@renderer/features/patrol/queries';
import { inspectionsTable } from '@renderer/features/patrol/tables';
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
];
