import Dexie from 'dexie';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase, db } from '@renderer/platform/db/connection';
import { openBackup, restoreStation, sealBackup, snapshotStation } from '@renderer/features/provisioning/backup';
import type { BenchCase } from '../../lib';

/**
 * Station backup and restore in Chromium (real IndexedDB): a station of 10,000 residents and 10,000 audit-sized
 * rows, sealed with the production key derivation, then restored through staging into an empty database.
 */
const RESIDENTS = 10_000;

async function populate(): Promise<void> {
  await db().table('persons').bulkAdd(
    Array.from({ length: RESIDENTS }, (_, i) => ({
      id: `p${i}`,
      householdId: `h${Math.floor(i / 3)}`,
      idNumber: '11010519491231002X',
      name: `居民${i}`,
      sortKey: `jumin${i}`,
      py: ['jm', `jumin${i}`],
      address: '上海市青浦区金泽镇蒸淀村 1 号',
      registeredAt: new Date(Date.UTC(2000, 0, 1 + (i % 9000))),
    })),
  );
  await db().meta.bulkPut(Array.from({ length: RESIDENTS }, (_, i) => ({ key: `bench.${i}`, value: { i, note: '蒸淀派出所' }, updatedAt: '2026-11-23' })));
}

export const cases: BenchCase[] = [
  {
    name: 'provisioning',
    async run() {
      closeDatabase();
      await Dexie.delete(DATABASE_NAME);
      await populate();
      const rows = RESIDENTS * 2;

      const backupStart = performance.now();
      const text = await sealBackup(await snapshotStation('bench'), 'bench backup passphrase');
      const backupSeconds = (performance.now() - backupStart) / 1000;

      closeDatabase();
      await Dexie.delete(DATABASE_NAME);
      const restoreStart = performance.now();
      await restoreStation(await openBackup(text, 'bench backup passphrase'), { actor: 'bench' });
      const restoreSeconds = (performance.now() - restoreStart) / 1000;
      if ((await db().table('persons').count()) !== RESIDENTS) throw new Error('restore lost rows');

      closeDatabase();
      await Dexie.delete(DATABASE_NAME);
      return [
        { name: 'provisioning.backup_20k_rows_s', value: backupSeconds, unit: 's' },
        { name: 'provisioning.restore_20k_rows_s', value: restoreSeconds, unit: 's' },
        { name: 'provisioning.backup_bytes_per_row', value: text.length / rows, unit: 'bytes' },
      ];
    },
  },
];
