import type { Page } from '@playwright/test';

/**
 * A store's rows read straight from the page's IndexedDB and opened (a fixture, not the UI under test). Personal
 * fields are sealed at rest (renderer/platform/db/sealing.ts); the browser host keeps the data key unprotected
 * (scheme `development-unprotected`, docs/security.md), so a test can open the rows as the app does: AES-256-GCM,
 * `$sealed` = format byte (1: bound to table and key) + 12-byte IV + ciphertext, AAD = table and primary key.
 * Tagged values (dates, bytes) are left as the app stored them; fixtures read only plain fields.
 */
export function openedRows<T>(page: Page, store: string, keyPath = 'id'): Promise<T[]> {
  return page.evaluate(
    async ({ store, keyPath }) => {
      const request = <R>(r: IDBRequest<R>) =>
        new Promise<R>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
        });
      const open = indexedDB.open('yrd-station');
      const idb = await request(open);
      try {
        const tx = idb.transaction(['meta', store]);
        const dataKey = (await request(tx.objectStore('meta').get('dataKey'))) as { value: { scheme: string; protectedBase64: string } } | undefined;
        const rows = (await request(tx.objectStore(store).getAll())) as Record<string, unknown>[];
        if (!dataKey || dataKey.value.scheme !== 'development-unprotected') return rows as T[];
        const raw = Uint8Array.from(atob(dataKey.value.protectedBase64), (c) => c.charCodeAt(0));
        const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
        return (await Promise.all(
          rows.map(async (row) => {
            const blob = row.$sealed;
            if (!(blob instanceof Uint8Array)) return row;
            const { $sealed: _sealed, ...clear } = row;
            const bound = blob[0] === 1 ? `\u0000${JSON.stringify(clear[keyPath])}` : '';
            const aad = new TextEncoder().encode(`yrd-row\u0000${store}${bound}`);
            const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: blob.slice(1, 13), additionalData: aad }, key, blob.slice(13));
            return { ...clear, ...(JSON.parse(new TextDecoder().decode(plain)) as Record<string, unknown>) };
          }),
        )) as T[];
      } finally {
        idb.close();
      }
    },
    { store, keyPath },
  );
}
