import Dexie from 'dexie';
import { DATABASE_NAME } from './database';
import { schemaVersions } from './schema';
import { sealingMiddleware } from './sealing';

/**
 * A second connection to the station database for loads of many rows (批量导入): relaxed durability (Chromium
 * does not wait for the disk flush on every commit; a crash may lose the last commits, never tear one) and the
 * same sealing as the main connection, so personal fields are sealed at rest whichever connection wrote them.
 * Same schema versions, so opening it never upgrades; Dexie tells the main connection's live queries about the
 * writes. The caller closes it.
 */
export function openBulkConnection(name: string = DATABASE_NAME): Dexie {
  const connection = new Dexie(name, { chromeTransactionDurability: 'relaxed' });
  for (const step of schemaVersions) connection.version(step.version).stores(step.stores);
  connection.use(sealingMiddleware);
  return connection;
}
