import type { Page } from '@playwright/test';

/**
 * Puts one row into a sealed store of the page's IndexedDB, sealed as the app seals it (the counterpart of
 * sealed-rows.ts: AES-256-GCM under the browser host's unprotected development data key, `$sealed` = format byte 1
 * + 12-byte IV + ciphertext, AAD = table and primary key). `clear` names the fields the store's indexes read, which
 * stay outside the ciphertext. For fixtures a test needs but does not test (a settled migration case to print).
 * The row must be plain JSON (no dates or bytes: those the app tags, this helper does not).
 */
export async function putSealedRow(page: Page, store: string, row: Record<string, unknown>, clear: string[], keyPath = 'id'): Promise<void> {
  await page.evaluate(
    async ({ store, row, clear, keyPath }) => {
      const request = <R>(r: IDBRequest<R>) =>
        new Promise<R>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
        });
      const idb = await request(indexedDB.open('yrd-station'));
      try {
        const meta = idb.transaction('meta');
        const dataKey = (await request(meta.objectStore('meta').get('dataKey'))) as { value: { scheme: string; protectedBase64: string } } | undefined;
        if (dataKey?.value.scheme !== 'development-unprotected') throw new Error('only the browser host keeps a data key a test can use');
        const raw = Uint8Array.from(atob(dataKey.value.protectedBase64), (c) => c.charCodeAt(0));
        const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
        const open: Record<string, unknown> = {};
        const secret: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(row)) (clear.includes(field) ? open : secret)[field] = value;
        const aad = new TextEncoder().encode(`yrd-row\u0000${store}\u0000${JSON.stringify(row[keyPath])}`);
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, new TextEncoder().encode(JSON.stringify(secret))));
        const blob = new Uint8Array(1 + 12 + sealed.length);
        blob[0] = 1;
        blob.set(iv, 1);
        blob.set(sealed, 13);
        const tx = idb.transaction(store, 'readwrite');
        await request(tx.objectStore(store).put({ ...open, $sealed: blob }));
      } finally {
        idb.close();
      }
    },
    { store, row, clear, keyPath },
  );
}
