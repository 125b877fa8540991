import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '@shared/audit/chain';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase, db } from '@renderer/platform/db/connection';
import { resetAnchor } from '@renderer/platform/audit/anchor';
import { auditTable, type AuditInput } from '@renderer/platform/audit/audit-log';
import { runCommand, type CommandScope } from '@renderer/sync/command';
import { SYNC_TABLES, eventsTable, outboxTable, probesTable, type ProbeRow } from '@renderer/sync/tables';

/**
 * The one write path: a command's rows, audit entry, signed events and outbox rows commit together or not at all.
 * The feature rows here are 联调消息 (probes), the smallest table there is.
 */
const PEER = '330421520000';
const OTHER_PEER = '320583520000';
const OFFICER = '310000:012345';

afterEach(async () => {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
  resetAnchor(DATABASE_NAME, null);
});

function probe(text: string): ProbeRow {
  return { aggregateId: `310118520000:${ulid()}`, from: '310118520000', to: [PEER], officer: OFFICER, text, direction: 'sent', at: new Date().toISOString() };
}
const audit = (object: string): AuditInput => ({ station: '310118520000', officer: OFFICER, action: 'sync.probe', object, result: 'success' });

/** A command as a feature writes one: its row, then its audit entry and its event. */
async function send(scope: CommandScope, row: ProbeRow, to: string[] = [PEER]): Promise<void> {
  await probesTable(scope.tx.db).add(row);
  scope.audit(audit(row.aggregateId));
  scope.emit({ type: 'sync.probe', aggregateId: row.aggregateId, recipients: to, payload: { text: row.text }, officer: OFFICER });
}

async function counts(): Promise<{ rows: number; audit: number; events: number; outbox: number }> {
  const [rows, audits, events, outbox] = await Promise.all([probesTable().count(), auditTable().count(), eventsTable().count(), outboxTable().count()]);
  return { rows, audit: audits, events, outbox };
}

describe('runCommand', () => {
  it('writes the row, the audit entry, the signed event and its outbox rows in one transaction', async () => {
    const row = probe('一');
    const result = await runCommand({ tables: [SYNC_TABLES.probes], emits: true, work: async (scope) => (await send(scope, row, [PEER, OTHER_PEER]), 'done') });
    expect(result).toBe('done');
    expect(await counts()).toEqual({ rows: 1, audit: 1, events: 1, outbox: 2 });
    const [event] = await eventsTable().toArray();
    expect(event?.event).toMatchObject({ type: 'sync.probe', aggregateId: row.aggregateId, recipients: [OTHER_PEER, PEER].sort() });
    expect(event?.event.links.map((l) => l.seq)).toEqual([1, 1]);
    expect((await auditTable().toArray())[0]).toMatchObject({ action: 'sync.probe', object: row.aggregateId });
  });

  it('writes nothing when the work throws after writing: no row, no audit entry, no event, no outbox row', async () => {
    await runCommand({ tables: [SYNC_TABLES.probes], emits: true, work: (scope) => send(scope, probe('before')) });
    const before = await counts();
    await expect(
      runCommand({
        tables: [SYNC_TABLES.probes],
        emits: true,
        work: async (scope) => {
          await send(scope, probe('rolled back'));
          await probesTable(scope.tx.db).count();
          throw new Error('a rule refused it');
        },
      }),
    ).rejects.toThrow('a rule refused it');
    expect(await counts()).toEqual(before);
  });

  it('writes nothing when the event cannot be signed or queued, though the work itself succeeded', async () => {
    await expect(runCommand({ tables: [SYNC_TABLES.probes], emits: true, work: (scope) => send(scope, probe('to nobody'), []) })).rejects.toThrow(/recipient/);
    expect(await counts()).toEqual({ rows: 0, audit: 0, events: 0, outbox: 0 });
  });

  it('signs several events of one command one after the other, also after later reads', async () => {
    await runCommand({
      tables: [SYNC_TABLES.probes],
      emits: true,
      work: async (scope) => {
        await send(scope, probe('a'));
        await probesTable(scope.tx.db).count();
        await probesTable(scope.tx.db).toArray();
        await send(scope, probe('b'));
        await send(scope, probe('c'));
      },
    });
    const events = await eventsTable().orderBy('[authorStation+hlc]').toArray();
    expect(events.map((e) => e.event.links[0]?.seq)).toEqual([1, 2, 3]);
    expect(events[1]?.event.links[0]?.prev).toBe(events[0]?.hash);
    expect(events[2]?.event.links[0]?.prev).toBe(events[1]?.hash);
    expect(await counts()).toEqual({ rows: 3, audit: 3, events: 3, outbox: 3 });
    expect(verifyChain(await auditTable().orderBy('seq').toArray())).toBeNull();
  });

  it('a command inside another joins its transaction: both commit, or neither does', async () => {
    const nested = (text: string) => runCommand({ tables: [SYNC_TABLES.probes], work: (scope) => probesTable(scope.tx.db).add(probe(text)).then(() => scope.audit(audit(text))) });
    await runCommand({ tables: [SYNC_TABLES.probes], emits: true, work: async (scope) => (await send(scope, probe('outer')), await nested('inner')) });
    expect(await counts()).toEqual({ rows: 2, audit: 2, events: 1, outbox: 1 });
    await expect(
      runCommand({
        tables: [SYNC_TABLES.probes],
        work: async () => {
          await nested('inner, rolled back');
          throw new Error('outer refused');
        },
      }),
    ).rejects.toThrow('outer refused');
    expect(await counts()).toEqual({ rows: 2, audit: 2, events: 1, outbox: 1 });
    expect(verifyChain(await auditTable().orderBy('seq').toArray())).toBeNull();
  });

  it('runs on the database it is given (two stations in one process)', async () => {
    const other = new (db().constructor as new (name: string) => Dexie)(`command-other-${Date.now()}`);
    try {
      await runCommand({ tables: [SYNC_TABLES.probes], database: other, work: async (scope) => (await probesTable(scope.tx.db).add(probe('there')), scope.audit(audit('there'))) });
      expect(await probesTable(other).count()).toBe(1);
      expect(await auditTable(other).count()).toBe(1);
      expect(await counts()).toEqual({ rows: 0, audit: 0, events: 0, outbox: 0 });
    } finally {
      other.close();
      await Dexie.delete(other.name);
    }
  });
});
