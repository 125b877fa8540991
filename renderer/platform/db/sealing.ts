import Dexie, { type DBCore, type DBCoreCursor, type DBCoreTable, type DBCoreTableSchema, type DBCoreTransaction, type Middleware } from 'dexie';
import { keyedAesGcm } from '@shared/provisioning/aes-gcm';
import { fromTagged, toTagged } from '@shared/provisioning/tagged-json';
import { DataKeyError, heldDataKey, upgradeMayWriteClear } from './data-key';
import { isSealedTable } from './sealed-tables';

/**
 * Personal fields sealed at rest (issue 14): a DBCore middleware, so features read and write their rows as
 * before. On a write, every field of a sealed table's row except its primary key and indexed fields goes into
 * one AES-256-GCM ciphertext under the data key, stored as `$sealed`; every read (get, getMany, query, cursor)
 * opens it again. The ciphertext is bound to its table and primary key (AAD), so a sealed blob copied onto
 * another row does not open.
 *
 * WebCrypto is asynchronous and an IndexedDB transaction commits as soon as no request is pending, so while a
 * row is sealed or opened a cheap request keeps the caller's transaction alive, and the result is handed back
 * from that request's callback, where the transaction accepts the caller's next request.
 */
export const SEALED_FIELD = '$sealed';

/** First byte of a sealed blob: what the AAD binds (the table and primary key, or the table only). */
const BOUND_TO_KEY = 1;
const BOUND_TO_TABLE = 2;
const IV_BYTES = 12;
/** A valid key no row has: the keep-alive read finds nothing. */
const KEEP_ALIVE_KEY = -Infinity;

type Row = Record<string, unknown>;

interface SealedTableContext {
  name: string;
  clear: ReadonlySet<string>;
  /** The inbound primary key path when the key is known before the write (not auto-incremented). */
  keyPath: string | string[] | null;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const topField = (path: string): string => path.split('.')[0] ?? path;
const pathsOf = (keyPath: string | string[] | null): string[] => (keyPath === null ? [] : Array.isArray(keyPath) ? keyPath : [keyPath]);

/** The fields of a table's rows that stay clear: the primary key and whatever an index reads. */
export function clearFieldsOf(schema: DBCoreTableSchema): Set<string> {
  const paths = [schema.primaryKey, ...schema.indexes].flatMap((index) => pathsOf(index.keyPath));
  return new Set(paths.map(topField));
}

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

function sealedBlob(value: unknown): Uint8Array | null {
  if (!isRow(value)) return null;
  const blob = value[SEALED_FIELD];
  return ArrayBuffer.isView(blob) ? new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength) : null;
}

const isSealedRow = (value: unknown): boolean => sealedBlob(value) !== null;

function aadOf(table: string, key: unknown): Uint8Array {
  return encoder.encode(key === undefined ? `yrd-row\u0000${table}` : `yrd-row\u0000${table}\u0000${JSON.stringify(key)}`);
}

function primaryKeyOf(context: SealedTableContext, row: Row): unknown {
  return context.keyPath === null ? undefined : (Dexie.getByKeyPath(row, context.keyPath) as unknown);
}

async function sealRow(context: SealedTableContext, value: unknown): Promise<unknown> {
  if (!isRow(value)) return value;
  const clear: Row = {};
  const secret: Row = {};
  let anySecret = false;
  for (const [field, fieldValue] of Object.entries(value)) {
    if (field === SEALED_FIELD) continue;
    if (context.clear.has(field)) clear[field] = fieldValue;
    else {
      secret[field] = fieldValue;
      anySecret = true;
    }
  }
  if (!anySecret) return clear;
  const key = primaryKeyOf(context, value);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plaintext = encoder.encode(JSON.stringify(toTagged(secret)));
  const ciphertext = await keyedAesGcm.encrypt(heldDataKey(), iv, plaintext, aadOf(context.name, key));
  const blob = new Uint8Array(1 + IV_BYTES + ciphertext.length);
  blob[0] = key === undefined ? BOUND_TO_TABLE : BOUND_TO_KEY;
  blob.set(iv, 1);
  blob.set(ciphertext, 1 + IV_BYTES);
  clear[SEALED_FIELD] = blob;
  return clear;
}

async function openRow(context: SealedTableContext, value: unknown): Promise<unknown> {
  const blob = sealedBlob(value);
  if (!blob || !isRow(value)) return value;
  const { [SEALED_FIELD]: _sealed, ...clear } = value;
  const key = blob[0] === BOUND_TO_KEY ? primaryKeyOf(context, clear) : undefined;
  const dataKey = heldDataKey();
  let plaintext: Uint8Array;
  try {
    plaintext = await keyedAesGcm.decrypt(dataKey, blob.subarray(1, 1 + IV_BYTES), blob.subarray(1 + IV_BYTES), aadOf(context.name, key));
  } catch {
    throw new DataKeyError('mismatch', `a sealed row of ${context.name} does not open with this window's data key`);
  }
  const secret = fromTagged(JSON.parse(decoder.decode(plaintext)) as unknown);
  return { ...clear, ...(secret as Row) };
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Waits for `work` (WebCrypto) while keeping `trans` alive with reads that find nothing, and settles from the
 * callback of the read that sees it done: there the transaction is active, so the caller may go on using it.
 */
function withinTransaction<T>(table: DBCoreTable, trans: DBCoreTransaction, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled: Settled<T> | null = null;
    work.then(
      (value) => (settled = { ok: true, value }),
      (error: unknown) => (settled = { ok: false, error }),
    );
    const keepAlive = (): void => {
      table.get({ trans, key: KEEP_ALIVE_KEY }).then(() => {
        const outcome = settled as Settled<T> | null;
        if (!outcome) keepAlive();
        else if (outcome.ok) resolve(outcome.value);
        else reject(outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error)));
      }, reject);
    };
    keepAlive();
  });
}

function openAll(context: SealedTableContext, table: DBCoreTable, trans: DBCoreTransaction, rows: unknown[]): Promise<unknown[]> {
  if (!rows.some(isSealedRow)) return Promise.resolve(rows);
  return withinTransaction(table, trans, Promise.all(rows.map((row) => openRow(context, row))));
}

/** A cursor whose `value` is the opened row: each position is opened before the consumer's callback sees it. */
function openingCursor(context: SealedTableContext, table: DBCoreTable, cursor: DBCoreCursor): DBCoreCursor {
  let current: unknown = undefined;
  const fail = (error: unknown) => cursor.fail(error instanceof Error ? error : new Error(String(error)));
  const start = (onNext: () => void): Promise<unknown> =>
    cursor.start(() => {
      const raw: unknown = cursor.value;
      if (!isSealedRow(raw)) {
        current = raw;
        onNext();
        return;
      }
      withinTransaction(table, cursor.trans, openRow(context, raw)).then((row) => {
        current = row;
        try {
          onNext();
        } catch (error) {
          fail(error);
        }
      }, fail);
    });
  // Like Dexie's own virtual-index cursor: IDBCursor getters need the real cursor as `this`.
  return Object.create(cursor, {
    value: { get: () => current },
    key: { get: () => cursor.key as unknown },
    primaryKey: { get: () => cursor.primaryKey as unknown },
    start: { value: start },
  }) as DBCoreCursor;
}

/** Dexie's IndexedDB core hands the native transaction down as the DBCore transaction. */
const isUpgrade = (trans: DBCoreTransaction): boolean => (trans as unknown as Partial<IDBTransaction>).mode === 'versionchange';

function sealedTable(table: DBCoreTable): DBCoreTable {
  const keyPath = table.schema.primaryKey.autoIncrement ? null : table.schema.primaryKey.keyPath ?? null;
  const context: SealedTableContext = { name: table.name, clear: clearFieldsOf(table.schema), keyPath };
  const sealAll = (trans: DBCoreTransaction, values: readonly unknown[]): Promise<readonly unknown[]> =>
    // A schema upgrade of a database that never had a key moves rows from before sealing: they stay as they
    // were, and the first unlock seals them (unlock.ts). Everywhere else, no key means no write.
    isUpgrade(trans) && upgradeMayWriteClear()
      ? Promise.resolve(values)
      : withinTransaction(table, trans, Promise.all(values.map((value) => sealRow(context, value))));
  return {
    ...table,
    mutate(req) {
      if (req.type === 'add') return sealAll(req.trans, req.values).then((values) => table.mutate({ ...req, values }));
      if (req.type === 'put') return sealAll(req.trans, req.values).then((values) => table.mutate({ ...req, values }));
      return table.mutate(req);
    },
    get(req) {
      return table.get(req).then((row: unknown) => (isSealedRow(row) ? withinTransaction(table, req.trans, openRow(context, row)) : row));
    },
    getMany(req) {
      return table.getMany(req).then((rows: unknown[]) => openAll(context, table, req.trans, rows));
    },
    query(req) {
      return table.query(req).then((response) => {
        if (!req.values) return response;
        return openAll(context, table, req.trans, response.result).then((result) => ({ ...response, result }));
      });
    },
    openCursor(req) {
      if (!req.values) return table.openCursor(req);
      return table.openCursor(req).then((cursor) => cursor && openingCursor(context, table, cursor));
    },
  };
}

/**
 * Installed on the station database (database.ts); tables not in SEALED_TABLES pass through untouched. It sits
 * right above IndexedDB, below Dexie's own middlewares (observability, cache, hooks: levels -1 to 2): they see
 * opened rows in memory, and the keep-alive reads go straight to IndexedDB, outside Dexie's zones, which Dexie's
 * observability middleware would need (a WebCrypto callback runs outside them).
 */
export const sealingMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'SealedFields',
  level: -10,
  create(down) {
    const tables = new Map<string, DBCoreTable>();
    return {
      ...down,
      table(name) {
        const known = tables.get(name);
        if (known) return known;
        const table = isSealedTable(name) ? sealedTable(down.table(name)) : down.table(name);
        tables.set(name, table);
        return table;
      },
    };
  },
};
