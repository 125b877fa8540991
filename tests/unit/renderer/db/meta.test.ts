import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z, ZodError } from 'zod';
import { StationDatabase } from '@renderer/platform/db/database';
import { defineMetaKey, definedMetaKeys, deleteMeta, readMeta, writeMeta } from '@renderer/platform/db/meta';

const root = join(import.meta.dirname, '../../../..');
const renderer = join(root, 'renderer');

let database: StationDatabase | null = null;
afterEach(async () => {
  if (database) await database.delete();
  database = null;
});
const open = (): StationDatabase => (database = new StationDatabase(`meta-test-${Math.random()}`));

describe('typed meta keys', () => {
  const counter = defineMetaKey('test.counter', z.object({ count: z.number().int().nonnegative() }));

  it('reads a row that fits its schema, and null when there is none', async () => {
    const d = open();
    expect(await readMeta(counter, d)).toBeNull();
    await writeMeta(counter, { count: 3 }, d);
    expect(await readMeta(counter, d)).toEqual({ count: 3 });
    await deleteMeta(counter, d);
    expect(await readMeta(counter, d)).toBeNull();
  });

  it('reads a row of the wrong shape (an older version\'s, a damaged one) as absent', async () => {
    const d = open();
    await d.meta.put({ key: 'test.counter', value: { count: -1 }, updatedAt: '2026-11-23' });
    expect(await readMeta(counter, d)).toBeNull();
    await d.meta.put({ key: 'test.counter', value: 'three', updatedAt: '2026-11-23' });
    expect(await readMeta(counter, d)).toBeNull();
  });

  it('refuses to write a value that does not fit, and writes nothing', async () => {
    const d = open();
    await expect(writeMeta(counter, { count: 1.5 }, d)).rejects.toBeInstanceOf(ZodError);
    expect(await d.meta.get('test.counter')).toBeUndefined();
  });

  it('stores the value as the schema parses it (unknown fields dropped) with the time of the write', async () => {
    const d = open();
    await writeMeta(counter, { count: 2, extra: 'dropped' } as { count: number }, d);
    const row = await d.meta.get('test.counter');
    expect(row?.value).toEqual({ count: 2 });
    expect(Number.isNaN(Date.parse(row?.updatedAt ?? ''))).toBe(false);
  });

  it('writes inside the caller\'s transaction: an abort leaves nothing behind', async () => {
    const d = open();
    await expect(
      d.transaction('rw', d.meta, async () => {
        await writeMeta(counter, { count: 9 }, d);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await readMeta(counter, d)).toBeNull();
  });
});

/** Every renderer source file, for the ownership checks. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|vue)$/.test(name) ? [path] : [];
  });
}

describe('ownership of meta keys', () => {
  // meta.ts defines defineMetaKey itself; platform/db's own keys (the data key, unlock.ts) are owners like any other.
  const files = sources(renderer).filter((f) => f !== join(renderer, 'platform', 'db', 'meta.ts'));
  const owners = files.filter((f) => /\bdefineMetaKey\(/.test(readFileSync(f, 'utf8')));

  it('has one owner per key: every key the renderer defines, loaded, is defined once', async () => {
    const before = definedMetaKeys().length;
    for (const file of owners) await import(/* @vite-ignore */ file);
    const calls = owners.reduce((n, f) => n + (readFileSync(f, 'utf8').match(/\bdefineMetaKey\(/g) ?? []).length, 0);
    const names = definedMetaKeys().slice(before);
    expect(names).toHaveLength(calls);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    // The keys that existing installations hold keep their stored names.
    expect(names).toEqual(
      expect.arrayContaining([
        'station.identity',
        'sync.stationKey',
        'sync.rootPublicKey',
        'sync.roster',
        'sync.exchangeUrl',
        'provisioning.stationKey',
        'migration.timeLimits',
        'migration.checklists',
      ]),
    );
  });

  it('reads and writes the meta table only through typed keys', () => {
    const raw = /\.meta\.(get|put|add|delete|bulk\w*|where|update|toArray)\(|\.table\(\s*(['"]meta['"]|META_TABLE)\s*\)/;
    const offenders = files.filter((f) => raw.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });
});
