import Dexie, { type Table } from 'dexie';
import { schemaVersions } from './schema';
import { sealingMiddleware } from './sealing';

export interface MetaRow {
  key: string;
  value: unknown;
  updatedAt: string;
}

export const DATABASE_NAME = 'yrd-station';

export class StationDatabase extends Dexie {
  declare meta: Table<MetaRow, string>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    for (const step of schemaVersions) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
    // Personal fields are sealed at rest with the data key (sealing.ts, sealed-tables.ts).
    this.use(sealingMiddleware);
  }
}
