import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@renderer/platform/db/connection';
import { AUDIT_TABLE, appendAudit, auditTable } from '@renderer/platform/audit/audit-log';
import { auditEntriesFor, queryAudit, verifyAuditTrail } from '@renderer/platform/audit/trail';
import { readAnchor } from '@renderer/platform/audit/anchor';
import { chainEntry } from '@shared/audit/chain';
import { freshState } from '../session/helpers';

function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

beforeEach(freshState);
afterEach(freshState);

async function write(n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    await appendAudit({
      station: '310118520000',
      officer: i % 2 ? '310000:000001' : '310000:000005',
      action: i % 3 ? 'person.update' : 'session.signIn',
      object: `o${i}`,
      result: i % 4 ? 'success' : 'denied',
      at: new Date(Date.UTC(2026, 10, 23, 8, i)).toISOString(),
    });
  }
}

describe('audit trail in the database', () => {
  it('verifies in pages with progress', async () => {
    await write(25);
    const progress: number[] = [];
    expect(await verifyAuditTrail((checked) => progress.push(checked), 10)).toEqual({ count: 25, break: null, unauthenticated: 0 });
    expect(progress).toEqual([10, 20, 25]);
  });

  it('finds an entry edited in the database', async () => {
    await write(12);
    await auditTable().update(7, { officer: '310000:000004' });
    expect((await verifyAuditTrail(undefined, 5)).break).toEqual({ seq: 7, reason: 'hash' });
  });

  it('finds a deleted entry', async () => {
    await write(12);
    await auditTable().delete(4);
    expect((await verifyAuditTrail(undefined, 5)).break).toEqual({ seq: 5, reason: 'sequence' });
  });

  it('finds the newest entries cut off the end, which the chain alone cannot show', async () => {
    await write(12);
    await auditTable().where('seq').above(8).delete();
    expect((await verifyAuditTrail(undefined, 5)).break).toEqual({ seq: 9, reason: 'anchor' });
  });

  it('finds the tail replaced by a newly chained one', async () => {
    await write(12);
    const rows = await auditTable().orderBy('seq').toArray();
    await auditTable().where('seq').above(7).delete();
    // A forger re-chains new entries from #7 on: the chain is whole again, but #11 is not the one committed.
    let prev = nth(rows, 7);
    for (let seq = 8; seq <= 11; seq += 1) {
      const { hash: _h, prevHash: _p, ...content } = nth(rows, seq);
      prev = chainEntry({ ...content, object: `forged${seq}` }, prev);
      await auditTable().add(prev);
    }
    // Without the station key the forged entries carry no valid MAC: the first of them is found, before the anchor.
    expect((await verifyAuditTrail(undefined, 5)).break).toEqual({ seq: 8, reason: 'mac' });
  });

  it('moves the anchor only when the entry commits', async () => {
    await write(3);
    await expect(
      db().transaction('rw', ['meta', AUDIT_TABLE], async () => {
        await appendAudit({ station: 's', officer: 'o', action: 'x.y', object: '', result: 'success' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    expect(readAnchor(db().name)?.seq).toBe(2);
    expect(await verifyAuditTrail()).toEqual({ count: 3, break: null, unauthenticated: 0 });
    // Inside a caller's transaction that commits, the anchor follows once the whole change is committed.
    await db().transaction('rw', ['meta', AUDIT_TABLE], async () => {
      await appendAudit({ station: 's', officer: 'o', action: 'x.y', object: '', result: 'success' });
    });
    expect(readAnchor(db().name)?.seq).toBe(3);
    expect(await verifyAuditTrail()).toEqual({ count: 4, break: null, unauthenticated: 0 });
  });

  it('finds an inserted entry (the rest renumbered to make room)', async () => {
    await write(6);
    const rows = await auditTable().orderBy('seq').toArray();
    await auditTable().clear();
    const forged = { ...nth(rows, 2), seq: 3, object: 'forged' };
    await auditTable().bulkAdd([...rows.slice(0, 3), forged, ...rows.slice(3).map((r) => ({ ...r, seq: r.seq + 1 }))]);
    expect((await verifyAuditTrail()).break).toEqual({ seq: 3, reason: 'link' });
  });

  it('filters by time, officer, action prefix and result, newest first, in pages', async () => {
    await write(12);
    const all = await queryAudit({}, 1, 5);
    expect(all.total).toBe(12);
    expect(all.rows.map((r) => r.seq)).toEqual([11, 10, 9, 8, 7]);
    const signIns = await queryAudit({ action: 'session.' }, 1, 50);
    expect(signIns.rows.map((r) => r.seq)).toEqual([9, 6, 3, 0]);
    const denied = await queryAudit({ result: 'denied', officer: '000005' }, 1, 50);
    expect(denied.rows.map((r) => r.seq)).toEqual([8, 4, 0]);
    const window = await queryAudit({ from: '2026-11-23T08:03:00.000Z', to: '2026-11-23T08:05:00.000Z' }, 1, 50);
    expect(window.rows.map((r) => r.seq)).toEqual([5, 4, 3]);
    expect((await auditEntriesFor({ action: 'person.update' })).map((r) => r.seq)).toEqual([1, 2, 4, 5, 7, 8, 10, 11]);
  });

  it('an audit entry inside a transaction rolls back with the change it records', async () => {
    await write(1);
    await expect(
      db().transaction('rw', ['meta', AUDIT_TABLE], async () => {
        await appendAudit({ station: 's', officer: 'o', action: 'x.y', object: '', result: 'success' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    expect(await auditTable().count()).toBe(1);
  });
});
