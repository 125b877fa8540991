import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STATIONS } from '@shared/demo/demo-network';
import { SEALED_FIELD } from '@renderer/platform/db/sealing';
import { combineAppliers } from '@renderer/sync/appliers';
import { markSent, nextBatches } from '@renderer/sync/outbox';
import { receiveBatch } from '@renderer/sync/inbox';
import { signingStation } from '@renderer/platform/station';
import { appliers as syncAppliers } from '@renderer/features/sync/sync-appliers';
import { appliers as attachmentAppliers } from '@renderer/features/attachments/sync-appliers';
import { requestAttachment, storeAttachment } from '@renderer/features/attachments/commands';
import { ATTACHMENT_TABLES } from '@renderer/features/attachments/tables';
import { closeStation, openStation, type TestStation } from '../sync/helpers';

/** Photos are personal data: at rest, in every attachments table, only the keys stay clear (docs/security.md). */
const appliers = combineAppliers([syncAppliers, attachmentAppliers]);
const NAME = '张三丰-正面照.jpg';
const MARKER = 'PHOTO-BYTES-MARKER-0123456789';
let owner: TestStation;
let asker: TestStation;

beforeEach(async () => {
  owner = await openStation(DEMO_STATIONS.zhapu, appliers);
  asker = await openStation(DEMO_STATIONS.lvxiang, appliers);
});
afterEach(async () => {
  await Promise.all([closeStation(owner), closeStation(asker)]);
});

async function carry(from: TestStation, to: TestStation, max = Number.MAX_SAFE_INTEGER): Promise<void> {
  const { key } = await signingStation(from.database);
  for (const batch of await nextBatches(from.database, { code: from.code, key }, to.code, max)) {
    await markSent(from.database, batch);
    await receiveBatch(to, batch, 'bundle');
  }
}

async function rawRows(station: TestStation, store: string): Promise<Record<string, unknown>[]> {
  station.database.close();
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(station.name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
    const request = idb.transaction([store], 'readonly').objectStore(store).getAll();
    request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
    request.onerror = () => reject(request.error ?? new Error('read failed'));
  });
  idb.close();
  await station.database.open();
  return rows;
}

const clearText = (row: Record<string, unknown>): string =>
  JSON.stringify(row, (key, v: unknown) => (key === SEALED_FIELD ? undefined : ArrayBuffer.isView(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('latin1') : v));

describe('attachments at rest', () => {
  it('seals the stored file, the chunks on the way, the fetch and what was served: only keys stay clear', async () => {
    const bytes = new Uint8Array(300_000);
    bytes.set(new TextEncoder().encode(MARKER), 1000);
    bytes.set(new TextEncoder().encode(MARKER), 200_000);
    const ref = await storeAttachment({ name: NAME, mime: 'image/jpeg', bytes, thumbnail: '' }, '330000:000004', owner.database);
    await requestAttachment(ref, '310000:000004', asker.database);
    await carry(asker, owner);
    await carry(owner, asker, 1); // one of two chunks: the other is still on its way

    const files = await rawRows(owner, ATTACHMENT_TABLES.files);
    const served = await rawRows(owner, ATTACHMENT_TABLES.served);
    const chunks = await rawRows(asker, ATTACHMENT_TABLES.chunks);
    const fetches = await rawRows(asker, ATTACHMENT_TABLES.fetches);
    expect([files, served, chunks, fetches].map((rows) => rows.length)).toEqual([1, 1, 1, 1]);
    expect(Object.keys(files[0] ?? {}).sort()).toEqual([SEALED_FIELD, 'id'].sort());
    expect(Object.keys(served[0] ?? {}).sort()).toEqual([SEALED_FIELD, 'id'].sort());
    expect(Object.keys(fetches[0] ?? {}).sort()).toEqual([SEALED_FIELD, 'id'].sort());
    expect(Object.keys(chunks[0] ?? {}).sort()).toEqual([SEALED_FIELD, 'fileId', 'index'].sort());
    for (const row of [...files, ...served, ...chunks, ...fetches]) {
      expect(clearText(row)).not.toContain(MARKER);
      expect(clearText(row)).not.toContain(NAME);
    }
  });
});
