import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { StationDatabase } from '@renderer/platform/db/database';
import { schemaVersions } from '@renderer/platform/db/schema';
import { SYNC_TABLES, eventsTable, outboxTable } from '@renderer/sync/tables';

const NAME = `sync-upgrade-${Date.now()}`;
afterEach(async () => {
  await Dexie.delete(NAME);
});

/** The database as protocol-1 stations left it (schema 8). */
function protocolOne(): Dexie {
  const old = new Dexie(NAME);
  for (const step of schemaVersions.filter((v) => v.version <= 8)) {
    const version = old.version(step.version).stores(step.stores);
    if (step.upgrade) version.upgrade(step.upgrade);
  }
  return old;
}

describe('schema 9: the protocol-2 event log', () => {
  it('keeps protocol-1 events as history keyed by author and id, marks the undelivered, and starts streams afresh', async () => {
    const old = protocolOne();
    await old.open();
    const row = (id: string, seq: number) => ({ id, authorStation: '310116520000', seq, type: 'sync.probe', aggregateId: 'x', hlc: '1767225600000-0000', hash: '0'.repeat(64), event: {}, size: 10, origin: 'local', at: '' });
    await old.table('syncEvents').bulkAdd([row('01J00000000000000000000001', 1), row('01J00000000000000000000002', 2)]);
    await old.table('syncOutbox').add({ peer: '330482520000', seq: 2, eventId: '01J00000000000000000000002', size: 10 });
    await old.table('syncCursors').add({ author: '330482520000', seq: 7, hash: '0'.repeat(64), at: '' });
    old.close();

    const upgraded = new StationDatabase(NAME);
    await upgraded.open();
    const rows = await eventsTable(upgraded).toArray();
    expect(rows.map((r) => [r.id, r.legacy])).toEqual([
      ['01J00000000000000000000001', 'delivered'],
      ['01J00000000000000000000002', 'undelivered'],
    ]);
    expect(await eventsTable(upgraded).get(['310116520000', '01J00000000000000000000002'])).toBeDefined();
    expect(await outboxTable(upgraded).count()).toBe(0);
    expect(await upgraded.table(SYNC_TABLES.cursors).count()).toBe(0);
    expect(upgraded.tables.map((t) => t.name)).not.toContain('syncEvents');
    upgraded.close();
  });
});
