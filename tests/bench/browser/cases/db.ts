import Dexie from 'dexie';
import { StationDatabase } from '@renderer/platform/db/database';
import type { BenchCase } from '../../lib';

/** The foundation's storage floor: opening the station database and raw writes through Dexie. */
export const cases: BenchCase[] = [
  {
    name: 'db',
    async run() {
      const name = 'bench-db';
      await Dexie.delete(name);
      const openStart = performance.now();
      const database = new StationDatabase(name);
      await database.open();
      const openMs = performance.now() - openStart;

      const rows = Array.from({ length: 20_000 }, (_, i) => ({ key: `k${i}`, value: { i, text: '蒸淀派出所' }, updatedAt: '2026-11-23' }));
      const putStart = performance.now();
      await database.meta.bulkPut(rows);
      const putSeconds = (performance.now() - putStart) / 1000;
      database.close();
      await Dexie.delete(name);
      return [
        { name: 'db.open_ms', value: openMs, unit: 'ms' },
        { name: 'db.bulk_put_per_s', value: rows.length / putSeconds, unit: 'rows/s' },
      ];
    },
  },
];
