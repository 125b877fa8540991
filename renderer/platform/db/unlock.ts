import type Dexie from 'dexie';
import type { IndexableType } from 'dexie';
import { z } from 'zod';
import { secretScheme, type SecretScheme } from '@shared/bridge/contract';
import { fromBase64, toBase64 } from '@shared/bytes';
import { importAesGcmKey, keyedAesGcm } from '@shared/provisioning/aes-gcm';
import { callHost } from '@renderer/platform/host';
import { db, reportDbProblem } from './connection';
import { DATA_KEY_BYTES, DataKeyError, heldDataKey, holdDataKey, isDataKeyHeld, setKeylessDatabase } from './data-key';
import { DATABASE_NAME } from './database';
import { META_TABLE, defineMetaKey, readMeta, writeMeta } from './meta';
import { FIRST_SEALED, SEALED_TABLES } from './sealed-tables';

/**
 * The data key on disk: OS-protected (Electron safeStorage, DPAPI on Windows; the browser host's development
 * stand-in says so by its scheme), with a check value that tells a key of another database from this one's, and
 * which tables have had their rows from before sealing sealed (`sealedTables`; a key stored by the first release
 * with sealing has only `sealedAll`, meaning FIRST_SEALED). Machine-bound: backups leave it out.
 */
const storedDataKey = z.object({
  scheme: secretScheme,
  protectedBase64: z.string().min(1),
  checkBase64: z.string().min(1),
  sealedAll: z.boolean(),
  sealedTables: z.array(z.string()).optional(),
});
export type StoredDataKey = z.infer<typeof storedDataKey>;
export const dataKeyMeta = defineMetaKey('dataKey', storedDataKey);

/** The OS secret store, as the host offers it (injected by tests). */
export interface SecretProtector {
  protect(plaintext: Uint8Array<ArrayBuffer>): Promise<{ scheme: SecretScheme; protectedBase64: string }>;
  unprotect(stored: { scheme: SecretScheme; protectedBase64: string }): Promise<Uint8Array>;
}

export const hostProtector: SecretProtector = {
  // Bytes over the bridge; the stored row keeps the blob as base64.
  protect: async (plaintext) => {
    const { scheme, blob } = await callHost('secrets.protect', { plaintext });
    return { scheme, protectedBase64: toBase64(blob) };
  },
  unprotect: async (stored) => (await callHost('secrets.unprotect', { scheme: stored.scheme, blob: fromBase64(stored.protectedBase64) })).plaintext,
};

const CHECK_IV = new Uint8Array(12);
const CHECK_TEXT = new TextEncoder().encode('yrd-station data key');
const CHECK_AAD = new TextEncoder().encode('yrd-data-key-check');

/** A fixed plaintext under the key: the IV is fixed too, which is safe for this one message per key. */
async function checkValue(raw: Uint8Array): Promise<string> {
  return toBase64(await keyedAesGcm.encrypt(await importAesGcmKey(raw), CHECK_IV, CHECK_TEXT, CHECK_AAD));
}

/** Whether the key this window holds is the stored one (held before the database opened): no second unprotect. */
async function holdsStoredKey(stored: StoredDataKey): Promise<boolean> {
  if (!isDataKeyHeld()) return false;
  return toBase64(await keyedAesGcm.encrypt(heldDataKey(), CHECK_IV, CHECK_TEXT, CHECK_AAD)) === stored.checkBase64;
}

async function openStored(stored: StoredDataKey, protector: SecretProtector): Promise<Uint8Array> {
  let raw: Uint8Array;
  try {
    raw = await protector.unprotect({ scheme: stored.scheme, protectedBase64: stored.protectedBase64 });
  } catch (error) {
    throw new DataKeyError('unavailable', `the OS did not unprotect the data key: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (raw.length !== DATA_KEY_BYTES || (await checkValue(raw)) !== stored.checkBase64) {
    throw new DataKeyError('mismatch', 'the unprotected data key is not the key of this database');
  }
  return raw;
}

/**
 * A new key, protected outside any transaction (the host call is not IndexedDB), then stored only if no other
 * window stored one meanwhile: the first stored key wins, and a key that lost is never used.
 */
async function createOrAdopt(database: Dexie, protector: SecretProtector): Promise<{ raw: Uint8Array; stored: StoredDataKey }> {
  const raw = crypto.getRandomValues(new Uint8Array(DATA_KEY_BYTES));
  const wrapped = await protector.protect(raw);
  const candidate: StoredDataKey = { ...wrapped, checkBase64: await checkValue(raw), sealedAll: false };
  const winner = await database.transaction('rw', 'meta', async () => {
    const existing = await readMeta(dataKeyMeta, database);
    if (existing) return existing;
    await writeMeta(dataKeyMeta, candidate, database);
    return candidate;
  });
  return winner === candidate ? { raw, stored: candidate } : { raw: await openStored(winner, protector), stored: winner };
}

const CHUNK = 500;

/**
 * Rows written before this database had a data key are in clear: read and written back, a chunk per
 * transaction (so another window's edit is never overwritten by a stale copy), they come out sealed.
 */
async function sealClearRows(database: Dexie, names: readonly string[]): Promise<void> {
  for (const table of database.tables) {
    if (!names.includes(table.name) || !table.schema.primKey.keyPath) continue;
    let after: IndexableType | null = null;
    for (;;) {
      const from: IndexableType | null = after;
      const keys: IndexableType[] = await database.transaction('rw', table, async (): Promise<IndexableType[]> => {
        const collection = from === null ? table.orderBy(':id') : table.where(':id').above(from);
        const chunk: IndexableType[] = await collection.limit(CHUNK).primaryKeys();
        const rows = await table.bulkGet(chunk);
        await table.bulkPut(rows.filter((row) => row !== undefined));
        return chunk;
      });
      if (keys.length < CHUNK) break;
      after = keys.at(-1) ?? null;
    }
  }
}

/** The sealed tables whose rows from before sealing (or before the table was sealed) are not sealed yet. */
function unswept(stored: StoredDataKey): string[] {
  const swept = stored.sealedTables ?? (stored.sealedAll ? FIRST_SEALED : []);
  return SEALED_TABLES.filter((name) => !swept.includes(name));
}

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

/**
 * The stored data key read with the plain IndexedDB API, at whatever version the database is (no Dexie: opening
 * through Dexie would run the schema upgrades first). Null when there is no database (its creation is aborted,
 * so nothing is left behind) or no key in it.
 */
async function peekStoredKey(name: string): Promise<StoredDataKey | null> {
  let creating = false;
  const opening = indexedDB.open(name);
  opening.onupgradeneeded = () => {
    creating = true;
    opening.transaction?.abort();
  };
  let idb: IDBDatabase;
  try {
    idb = await request(opening);
  } catch (error) {
    if (creating) return null;
    throw error;
  }
  try {
    if (!idb.objectStoreNames.contains(META_TABLE)) return null;
    const row = (await request(idb.transaction(META_TABLE).objectStore(META_TABLE).get(dataKeyMeta.name))) as { value?: unknown } | undefined;
    const parsed = storedDataKey.safeParse(row?.value);
    return parsed.success ? parsed.data : null;
  } finally {
    idb.close();
  }
}

/**
 * At start-up, before the database opens (main.ts): a schema upgrade may read and rewrite sealed rows, so the
 * stored key is unprotected and held first. A database with no key yet (new, or from before sealing) is marked
 * so, and only then may an upgrade write sealed tables in clear (sealing.ts); unlockDataKey seals them after.
 * A DataKeyError is reported (无法解锁本站数据) and rethrown; an upgrade that needs the key then fails, unwritten.
 */
export async function unlockDataKeyBeforeOpen(name: string = DATABASE_NAME, protector: SecretProtector = hostProtector): Promise<void> {
  try {
    const stored = await peekStoredKey(name);
    setKeylessDatabase(stored === null);
    if (stored && !(await holdsStoredKey(stored))) await holdDataKey(await openStored(stored, protector));
  } catch (error) {
    if (error instanceof DataKeyError) reportDbProblem('dataKey');
    throw error;
  }
}

/**
 * At start-up, after the database opened and before anything reads a sealed table: unprotects (or, on a new
 * database, creates) the data key and holds it for this window, then seals any rows still in clear (from before
 * sealing, or in a table sealed since). A DataKeyError reaches the user through the frame's banner
 * (无法解锁本站数据) and is rethrown; nothing sealed can then be read or written.
 */
export async function unlockDataKey(database: Dexie = db(), protector: SecretProtector = hostProtector): Promise<void> {
  try {
    const existing = await readMeta(dataKeyMeta, database);
    const { raw, stored } = existing
      ? { raw: (await holdsStoredKey(existing)) ? null : await openStored(existing, protector), stored: existing }
      : await createOrAdopt(database, protector);
    if (raw) await holdDataKey(raw);
    setKeylessDatabase(false);
    const tables = unswept(stored);
    if (tables.length > 0) {
      await sealClearRows(database, tables);
      await writeMeta(dataKeyMeta, { ...stored, sealedAll: true, sealedTables: [...SEALED_TABLES] }, database);
    }
  } catch (error) {
    if (error instanceof DataKeyError) reportDbProblem('dataKey');
    throw error;
  }
}
