import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick } from 'vue';
import { DATABASE_NAME, StationDatabase } from '@renderer/platform/db/database';
import { classifyDbError, isQuotaError } from '@renderer/platform/db/errors';
import { closeDatabase, db, guardedWrite, onDbProblem, openDatabase } from '@renderer/platform/db/connection';
import { useLiveQuery } from '@renderer/platform/db/use-live-query';
import { schemaVersions } from '@renderer/platform/db/schema';

afterEach(async () => {
  closeDatabase();
  onDbProblem(() => undefined);
  await Dexie.delete(DATABASE_NAME);
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
};

describe('storage error classification', () => {
  it('finds a quota error however it is wrapped', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted', quota))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'AbortError', cause: quota } })).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted'))).toBe(false);
    expect(classifyDbError(new Dexie.AbortError('aborted', quota))).toBe('quota');
    expect(classifyDbError(new Dexie.DatabaseClosedError())).toBe('versionchange');
    expect(classifyDbError(new Error('boom'))).toBeNull();
  });
});

describe('database module', () => {
  it('opens once, at the latest schema version, and asks for persistent storage', async () => {
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => true) };
    expect(await openDatabase(storage)).toEqual({ persisted: true });
    expect(db()).toBe(db());
    expect(db().verno).toBe(schemaVersions.at(-1)?.version);
    expect(storage.persist).toHaveBeenCalledOnce();
  });

  it('reports a quota failure of a write and rethrows it, so the form keeps what was typed', async () => {
    const problems: string[] = [];
    onDbProblem((p) => problems.push(p));
    const failure = new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError'));
    await expect(guardedWrite(() => Promise.reject(failure))).rejects.toBe(failure);
    expect(problems).toEqual(['quota']);
  });

  it('steps aside when another window upgrades the schema, and says so', async () => {
    const problems: string[] = [];
    onDbProblem((p) => problems.push(p));
    await openDatabase(null);
    const newer = new Dexie(DATABASE_NAME);
    newer.version(schemaVersions.length * 10 + 10).stores({ meta: 'key', extra: 'id' });
    await newer.open();
    expect(problems).toContain('versionchange');
    expect(db().isOpen()).toBe(false);
    newer.close();
  });

  it('keeps data across a close and reopen', async () => {
    await openDatabase(null);
    const first = db();
    await first.meta.put({ key: 'k', value: 42, updatedAt: '2026-11-23T00:00:00Z' });
    closeDatabase();
    expect(first.isOpen()).toBe(false);
    const again = new StationDatabase();
    expect((await again.meta.get('k'))?.value).toBe(42);
    again.close();
    // The next db() is a fresh connection to the same data.
    expect(db()).not.toBe(first);
    expect((await db().meta.get('k'))?.value).toBe(42);
  });
});

describe('useLiveQuery', () => {
  it('follows the table as it changes and stops when its scope ends', async () => {
    await openDatabase(null);
    const scope = effectScope();
    const result = scope.run(() => useLiveQuery(() => db().meta.count()));
    await until(() => result?.value.value === 0);
    expect(result?.value.value).toBe(0);
    await db().meta.put({ key: 'a', value: 1, updatedAt: 'now' });
    await until(() => result?.value.value === 1);
    expect(result?.value.value).toBe(1);
    scope.stop();
    await db().meta.put({ key: 'b', value: 2, updatedAt: 'now' });
    await new Promise((r) => setTimeout(r, 50));
    await nextTick();
    expect(result?.value.value).toBe(1);
  });
});
