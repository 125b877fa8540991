import { ulid } from 'ulid';
import { newRow } from '@shared/assist/steps';
import type { AssistRequest } from '@shared/assist/model';
import { buildWatchList } from '@shared/assist/watchlist';
import { plateProvinces } from '@shared/validation/plate';
import { percentile, sample, type BenchCase } from '../../lib';

const REQUESTER = '310118520000';
const HERE = '330421520000';
const ENTRIES = 10_000;
/** Checks per timed batch: one check is below the browser timer's resolution, so each sample is a batch's mean. */
const BATCH = 50;
const SAMPLES = 400;

const SERIAL = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
function plate(i: number): string {
  const province = plateProvinces[i % plateProvinces.length]?.char ?? '沪';
  const office = SERIAL[(i >> 3) % 24] ?? 'A';
  let serial = '';
  for (let n = i, k = 0; k < 5; k += 1, n = Math.floor(n / SERIAL.length)) serial += SERIAL[n % SERIAL.length];
  return `${province}${office}${serial}`;
}

function request(i: number): AssistRequest {
  return {
    id: ulid(),
    type: 'vehicleIntercept',
    urgency: 'urgent',
    title: `车辆拦截 ${i}`,
    details: '沿线卡口拦截',
    subjects: [{ kind: 'vehicle', plate: plate(i), description: '白色轿车' }],
    places: '',
    times: '',
    caseNumber: '',
    contact: '021-59200110',
    instructions: '发现后立即控制',
    addressing: { kind: 'allNeighbours' },
    watchUntil: null,
    attachments: [],
    requesterStation: REQUESTER,
    requesterStationName: '蒸淀派出所',
    officer: { key: '310000:000003', name: '张伟' },
    raisedAt: new Date().toISOString(),
    addressees: [HERE],
  };
}

/**
 * 布控 at the checkpoint: a plate as typed (with a dot, lower case) checked against 10,000 active watch-list entries,
 * the way the inspection screen checks it on every keystroke (normalise as the checkpoint does, one index lookup,
 * expiry). Target ≤ 2 ms. Building the index (once per change of the open requests) is reported beside it.
 */
export const cases: BenchCase[] = [
  {
    name: 'assist.watchlist',
    async run() {
      const rows = Array.from({ length: ENTRIES }, (_, i) => newRow(request(i), 'addressee', new Date().toISOString()));
      const now = new Date();
      const builds = await sample(5, () => buildWatchList(rows, HERE, now));
      const list = buildWatchList(rows, HERE, now);
      if (list.size !== ENTRIES) throw new Error(`watch-list holds ${list.size} entries, expected ${ENTRIES}`);
      const typed = (i: number) => {
        const p = plate((i * 7919) % (ENTRIES * 2));
        return `${p.slice(0, 2).toLowerCase()}·${p.slice(2).toLowerCase()}`;
      };
      let hits = 0;
      const batches = await sample(SAMPLES, (s) => {
        for (let k = 0; k < BATCH; k += 1) hits += list.matchPlate(typed(s * BATCH + k), new Date()).length;
      });
      if (hits === 0) throw new Error('no typed plate matched: the bench checks nothing');
      // The floor beside it: the same number of bare Map lookups of a normalised key, per check.
      const map = new Map(rows.map((r, i) => [`plate:${plate(i)}`, r]));
      const floor = await sample(SAMPLES, (s) => {
        for (let k = 0; k < BATCH; k += 1) hits += map.has(`plate:${plate((s * BATCH + k) % ENTRIES)}`) ? 1 : 0;
      });
      return [
        { name: 'assist.watchlist_check_p95_ms', value: percentile(batches, 95) / BATCH, unit: 'ms' },
        { name: 'assist.watchlist_check_p50_ms', value: percentile(batches, 50) / BATCH, unit: 'ms' },
        { name: 'assist.watchlist_build_10k_ms', value: percentile(builds, 50), unit: 'ms' },
        { name: 'assist.watchlist_floor_map_lookup_p95_ms', value: percentile(floor, 95) / BATCH, unit: 'ms' },
      ];
    },
  },
];
