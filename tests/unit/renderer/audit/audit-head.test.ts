import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { StationDatabase } from '@renderer/platform/db/database';
import { AUDIT_TABLE, appendAuditIn, auditTable, type AuditInput } from '@renderer/platform/audit/audit-log';
import { chainEntry, verifyChain, type AuditEntry } from '@shared/audit/chain';

/**
 * The audit head kept in memory per connection: two windows (two connections to one database) appending in turn,
 * together, or after the trail was cut or replaced must still leave one unbroken chain.
 */
let opened: StationDatabase[] = [];
let counter = 0;

function connections(count: number): StationDatabase[] {
  counter += 1;
  const name = `audit-head-${counter}-${Date.now()}`;
  const made = Array.from({ length: count }, () => new StationDatabase(name));
  opened.push(...made);
  return made;
}

afterEach(async () => {
  const names = [...new Set(opened.map((d) => d.name))];
  opened.forEach((d) => d.close());
  opened = [];
  await Promise.all(names.map((n) => Dexie.delete(n)));
});

const input = (object: string): AuditInput => ({ station: '310118520000', officer: '310000:000001', action: 'person.view', object, result: 'success' });
const append = (database: Dexie, object: string) => database.transaction('rw', AUDIT_TABLE, (tx) => appendAuditIn(tx, input(object)));
const trail = (database: Dexie): Promise<AuditEntry[]> => auditTable(database).orderBy('seq').toArray();

async function expectWhole(database: Dexie, count: number): Promise<void> {
  const rows = await trail(database);
  expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: count }, (_, i) => i));
  expect(verifyChain(rows)).toBeNull();
}

describe('audit head in memory', () => {
  it('two connections appending in turn never fork the chain', async () => {
    const [a, b] = connections(2) as [StationDatabase, StationDatabase];
    for (let i = 0; i < 6; i += 1) {
      // Each connection's cached head is stale every other time: the other one appended since.
      await append(a, `a${i}`);
      await append(b, `b${i}`);
      await append(b, `b${i}'`);
    }
    await expectWhole(a, 18);
    expect((await trail(a)).map((r) => r.object).slice(0, 3)).toEqual(['a0', 'b0', "b0'"]);
  });

  it('two connections appending at the same time never fork the chain', async () => {
    const [a, b] = connections(2) as [StationDatabase, StationDatabase];
    await Promise.all([append(a, 'warm a'), append(b, 'warm b')]);
    await Promise.all(Array.from({ length: 20 }, (_, i) => append(i % 2 ? a : b, `x${i}`)));
    await expectWhole(b, 22);
  });

  it('several appends issued together in one transaction chain one after the other', async () => {
    const [a, b] = connections(2) as [StationDatabase, StationDatabase];
    await append(a, 'first');
    await append(b, 'stale for a');
    const written = await a.transaction('rw', AUDIT_TABLE, (tx) => Promise.all([appendAuditIn(tx, input('one')), appendAuditIn(tx, input('two')), appendAuditIn(tx, input('three'))]));
    expect(written.map((e) => e.seq)).toEqual([2, 3, 4]);
    await expectWhole(a, 5);
  });

  it('chains onto the real head after the trail was cut or replaced behind the cache', async () => {
    const [a, b] = connections(2) as [StationDatabase, StationDatabase];
    for (let i = 0; i < 5; i += 1) await append(a, `a${i}`);
    // Another window cuts the end off (as a restore of an older backup would): a's cached head is now ahead.
    await auditTable(b).where('seq').above(2).delete();
    await append(a, 'after cut');
    await expectWhole(a, 4);
    // The same length, but a different entry at the head (a restore of another trail): the hash tells.
    const rows = await trail(b);
    await auditTable(b).clear();
    let prev: AuditEntry | null = null;
    for (const row of rows) {
      const { hash: _h, prevHash: _p, ...content } = row;
      prev = chainEntry({ ...content, object: `other ${row.seq}` }, prev);
      await auditTable(b).add(prev);
    }
    await append(a, 'after replace');
    await expectWhole(a, 5);
    // And an emptied trail starts again at 0.
    await auditTable(b).clear();
    await append(a, 'after clear');
    await expectWhole(a, 1);
  });

  it('a rolled-back append leaves the cached head where the trail is', async () => {
    const [a] = connections(1) as [StationDatabase];
    await append(a, 'kept');
    await expect(
      a.transaction('rw', AUDIT_TABLE, async (tx) => {
        await appendAuditIn(tx, input('rolled back'));
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    await append(a, 'next');
    await expectWhole(a, 2);
    expect((await trail(a)).map((r) => r.object)).toEqual(['kept', 'next']);
  });
});
