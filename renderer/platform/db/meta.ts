import Dexie from 'dexie';
import type { z } from 'zod';
import { db } from './connection';
import type { MetaRow } from './database';

/**
 * Typed keys of the `meta` table (small facts about this installation: station identity, trust, settings).
 * Each key is defined once, by the module that owns it, with the zod schema of its value; every read and write
 * goes through that definition, so a row of the wrong shape (an older version's, a damaged one) reads as absent
 * and a wrong value is never written.
 */
export const META_TABLE = 'meta';

export interface MetaKey<T> {
  readonly name: string;
  readonly schema: z.ZodType<T>;
}

/** Every name defined in this window, in definition order: a name defined twice is two owners (tests check). */
const definedNames: string[] = [];

export function defineMetaKey<T>(name: string, schema: z.ZodType<T>): MetaKey<T> {
  definedNames.push(name);
  return Object.freeze({ name, schema });
}

export function definedMetaKeys(): readonly string[] {
  return [...definedNames];
}

const metaTable = (database: Dexie) => database.table<MetaRow, string>(META_TABLE);

/*
 * These return Dexie's own promises (chained with `then`) rather than being `async` functions: each native
 * `await` layer between a caller's transaction and its next request risks losing Dexie's transaction zone (the
 * transaction then commits under the caller: PrematureCommitError). Callers may `await` them as usual.
 */

/** The key's value, or null when there is no row or the row does not fit the key's schema. */
export function readMeta<T>(key: MetaKey<T>, database: Dexie = db()): Promise<T | null> {
  return metaTable(database)
    .get(key.name)
    .then((row) => {
      if (row === undefined) return null;
      const parsed = key.schema.safeParse(row.value);
      return parsed.success ? parsed.data : null;
    });
}

/** Writes the value as its schema parses it; rejects (writing nothing) when it does not fit. */
export function writeMeta<T>(key: MetaKey<T>, value: T, database: Dexie = db()): Promise<void> {
  const parsed = key.schema.safeParse(value);
  if (!parsed.success) return Dexie.Promise.reject(parsed.error);
  return metaTable(database)
    .put({ key: key.name, value: parsed.data, updatedAt: new Date().toISOString() })
    .then(() => undefined);
}

export function deleteMeta(key: MetaKey<unknown>, database: Dexie = db()): Promise<void> {
  return metaTable(database).delete(key.name);
}
