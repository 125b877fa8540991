/**
 * This machine's IndexedDB floor, printed beside the sync figures: bare `put`s (no Dexie, no sealing, no
 * checks) of rows the size of a received event's log row, 500 to a transaction like a full batch, in this page.
 */
const ROWS = 5_000;
const PER_TRANSACTION = 500;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Rows per second. */
export async function idbPutFloor(): Promise<number> {
  const name = 'bench-idb-floor';
  await request(indexedDB.deleteDatabase(name));
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('rows', { keyPath: ['author', 'id'] });
  const database = await request(open);
  const text = '金山吕巷→平湖乍浦 联调消息'.repeat(20);
  const start = performance.now();
  for (let from = 0; from < ROWS; from += PER_TRANSACTION) {
    const tx = database.transaction('rows', 'readwrite');
    const store = tx.objectStore('rows');
    for (let i = from; i < from + PER_TRANSACTION; i += 1) store.put({ author: '330482', id: `row${i}`, hash: 'f'.repeat(64), payload: { text, i } });
    await committed(tx);
  }
  const seconds = (performance.now() - start) / 1000;
  database.close();
  await request(indexedDB.deleteDatabase(name));
  return ROWS / seconds;
}
