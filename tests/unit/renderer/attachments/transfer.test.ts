import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { CHUNK_BYTES, chunkCount, sliceChunk, type AttachmentRef, type AttachmentChunkPayload } from '@shared/attachments';
import { toBase64 } from '@shared/bytes';
import { DEMO_STATIONS } from '@shared/demo/demo-network';
import type { SignedBatch } from '@shared/sync/batch';
import { sha256Hex } from '@shared/sync/keys';
import { signingStation } from '@renderer/platform/station';
import { auditTable } from '@renderer/platform/audit/audit-log';
import { combineAppliers } from '@renderer/sync/appliers';
import { cursorBatch, markSent, nextBatches } from '@renderer/sync/outbox';
import { receiveBatch } from '@renderer/sync/inbox';
import { SYNC_TABLES, refusedTable } from '@renderer/sync/tables';
import { appliers as syncAppliers } from '@renderer/features/sync/sync-appliers';
import { appliers as attachmentAppliers, SERVE_MAX_TIMES } from '@renderer/features/attachments/sync-appliers';
import { requestAttachment, storeAttachment } from '@renderer/features/attachments/commands';
import { chunksTable, fetchesTable, filesTable } from '@renderer/features/attachments/tables';
import { appendEventInOwnTransaction, closeStation, openStation, type TestStation } from '../sync/helpers';

/**
 * Photos between two stations in one process (issue 15 item 4): 乍浦 holds a suspect's photo, 吕巷 was sent its
 * ref and fetches the full file in chunks through sync; batches are carried by hand, so a broken link is simply
 * batches that are not carried.
 */
const ZHAPU = DEMO_STATIONS.zhapu;
const LVXIANG = DEMO_STATIONS.lvxiang;
const YAOZHUANG = DEMO_STATIONS.yaozhuang;
const ZHAPU_OFFICER = '330000:000004';
const LVXIANG_OFFICER = '310000:000004';
const MIB = 1024 * 1024;
const appliers = combineAppliers([syncAppliers, attachmentAppliers]);
let zhapu: TestStation;
let lvxiang: TestStation;
let yaozhuang: TestStation;

function photoBytes(size: number, seed = 7): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** Carries up to `max` batches of `from`'s outbox for `to` (marked sent, as the exchange taking them would). */
async function carry(from: TestStation, to: TestStation, max = Number.MAX_SAFE_INTEGER): Promise<SignedBatch[]> {
  const { key } = await signingStation(from.database);
  const batches = await nextBatches(from.database, { code: from.code, key }, to.code, max);
  for (const batch of batches) {
    await markSent(from.database, batch);
    const result = await receiveBatch(to, batch, 'bundle');
    if (result.outcome !== 'applied') throw new Error(`batch ${batch.id}: ${JSON.stringify(result)}`);
  }
  return batches;
}

/** `to` confirms what it applied of `from`'s stream (its signed cursor): `from` drops those from its outbox. */
async function confirm(to: TestStation, from: TestStation): Promise<void> {
  const { key } = await signingStation(to.database);
  await receiveBatch(from, await cursorBatch(to.database, { code: to.code, key }, from.code), 'bundle');
}

const chunkIndexes = (batches: SignedBatch[]): number[] =>
  batches.flatMap((b) => b.events.filter((e) => e.type === 'attachment.chunk').map((e) => (e.payload as AttachmentChunkPayload).index));

async function photoAtZhapu(size = 2 * MIB): Promise<{ ref: AttachmentRef; bytes: Uint8Array }> {
  const bytes = photoBytes(size);
  const ref = await storeAttachment({ name: '嫌疑人照片.jpg', mime: 'image/jpeg', bytes, thumbnail: '' }, ZHAPU_OFFICER, zhapu.database);
  return { ref, bytes };
}

async function ownOutboxFor(station: TestStation, peer: string): Promise<number> {
  return station.database.table(SYNC_TABLES.outbox).where('peer').equals(peer).count();
}

beforeEach(async () => {
  zhapu = await openStation(ZHAPU, appliers);
  lvxiang = await openStation(LVXIANG, appliers);
  yaozhuang = await openStation(YAOZHUANG, appliers);
});
afterEach(async () => {
  await Promise.all([closeStation(zhapu), closeStation(lvxiang), closeStation(yaozhuang)]);
});

/** Each 2 MiB transfer signs, seals and applies 13 events of 220 KB in fake-indexeddb: functional, not timed. */
const TRANSFER_TIMEOUT_MS = 180_000;

describe('fetching a photo from the station that holds it', () => {
  it('stores the prepared file at its owner with its sha256 and audits it; the ref carries no bytes', async () => {
    const { ref, bytes } = await photoAtZhapu(300_000);
    expect(ref).toMatchObject({ ownerStation: ZHAPU, size: 300_000, sha256: sha256Hex(bytes), mime: 'image/jpeg' });
    expect(Object.keys(ref).sort()).toEqual(['id', 'mime', 'name', 'ownerStation', 'sha256', 'size', 'thumbnail']);
    expect((await filesTable(zhapu.database).get(ref.id))?.bytes).toEqual(bytes);
    expect((await auditTable(zhapu.database).toArray()).at(-1)).toMatchObject({ action: 'attachment.store', object: ref.id, officer: ZHAPU_OFFICER });
  });

  it('a 2 MiB photo arrives in 13 chunks addressed only to the asker, is verified, and stored whole', async () => {
    const { ref, bytes } = await photoAtZhapu();
    expect(await requestAttachment(ref, LVXIANG_OFFICER, lvxiang.database)).toBe('requested');
    const asked = await carry(lvxiang, zhapu);
    expect(asked.flatMap((b) => b.events.map((e) => [e.type, e.recipients, (e.payload as { missing: number[] }).missing.length]))).toEqual([
      ['attachment.requested', [ZHAPU], 13],
    ]);
    const sent = await carry(zhapu, lvxiang);
    // One chunk per batch: a chunk event does not fit BATCH_MAX_BYTES twice.
    expect(sent.map((b) => b.events.length)).toEqual(Array.from({ length: 13 }, () => 1));
    expect(sent.every((b) => b.events.every((e) => e.recipients.join() === LVXIANG))).toBe(true);
    const file = await filesTable(lvxiang.database).get(ref.id);
    expect(file?.bytes).toEqual(bytes);
    expect(sha256Hex(file?.bytes ?? new Uint8Array())).toBe(ref.sha256);
    expect((await fetchesTable(lvxiang.database).get(ref.id))?.status).toBe('complete');
    expect(await chunksTable(lvxiang.database).count()).toBe(0);
    // Asked again once whole: nothing to fetch.
    expect(await requestAttachment(ref, LVXIANG_OFFICER, lvxiang.database)).toBe('local');
  }, TRANSFER_TIMEOUT_MS);

  it('a link broken halfway: chunks received are kept, the new request names only the missing ones, and only those are sent', async () => {
    const { ref, bytes } = await photoAtZhapu();
    await requestAttachment(ref, LVXIANG_OFFICER, lvxiang.database);
    await carry(lvxiang, zhapu);
    // Six chunks cross, then the link breaks: the other seven stay behind at 乍浦.
    expect(chunkIndexes(await carry(zhapu, lvxiang, 6))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await chunksTable(lvxiang.database).count()).toBe(6);
    await confirm(lvxiang, zhapu);
    expect(await ownOutboxFor(zhapu, LVXIANG)).toBe(7);
    // The officer opens the photo again: the request names what is still missing.
    await requestAttachment(ref, LVXIANG_OFFICER, lvxiang.database);
    const again = await carry(lvxiang, zhapu);
    const requests = again.flatMap((b) => b.events).filter((e) => e.type === 'attachment.requested');
    expect(requests.map((e) => (e.payload as { missing: number[] }).missing)).toEqual([[6, 7, 8, 9, 10, 11, 12]]);
    // 乍浦 does not queue them twice: they are still on their way.
    expect(await ownOutboxFor(zhapu, LVXIANG)).toBe(7);
    // The link is back: exactly the seven missing chunks cross, none of the six again.
    const after = await carry(zhapu, lvxiang);
    expect(chunkIndexes(after)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect((await filesTable(lvxiang.database).get(ref.id))?.bytes).toEqual(bytes);
  }, TRANSFER_TIMEOUT_MS);

  it('a request names only what is not stored yet, and the owner sends exactly those chunks', async () => {
    const { ref, bytes } = await photoAtZhapu();
    const held = [0, 2, 3, 5, 6, 7, 8, 9, 10, 11];
    await chunksTable(lvxiang.database).bulkPut(held.map((index) => ({ fileId: ref.id, index, data: sliceChunk(bytes, index), at: new Date().toISOString() })));
    await requestAttachment(ref, LVXIANG_OFFICER, lvxiang.database);
    const asked = await carry(lvxiang, zhapu);
    expect(asked.flatMap((b) => b.events).map((e) => (e.payload as { missing: number[] }).missing)).toEqual([[1, 4, 12]]);
    expect(chunkIndexes(await carry(zhapu, lvxiang))).toEqual([1, 4, 12]);
    expect((await filesTable(lvxiang.database).get(ref.id))?.bytes).toEqual(bytes);
  }, TRANSFER_TIMEOUT_MS);

  it('the last chunk is shorter, and the whole is checked against the ref sha256 on arrival', async () => {
    const size = 2 * CHUNK_BYTES + 1234;
    const { ref, bytes } = await photoAtZhapu(size);
    await requestAttachment(ref, LVXIANG_OFFICER, lvxiang.database);
    await carry(lvxiang, zhapu);
    const sent = await carry(zhapu, lvxiang);
    expect(sent.flatMap((b) => b.events).map((e) => (e.payload as AttachmentChunkPayload).data.length)).toEqual([218_456, 218_456, 1648]);
    expect((await filesTable(lvxiang.database).get(ref.id))?.bytes).toEqual(bytes);
  });
});

describe('refusing a hostile neighbour', () => {
  async function chunkEvent(from: TestStation, to: string, payload: AttachmentChunkPayload): Promise<void> {
    await appendEventInOwnTransaction({ type: 'attachment.chunk', aggregateId: payload.fileId, recipients: [to], payload, officer: ZHAPU_OFFICER }, [], from.database);
  }

  const refusals = async (station: TestStation) => (await refusedTable(station.database).toArray()).map((r) => [r.author, r.type, r.reason]).sort();

  it('refuses chunks of a file it never asked for, or asked of another station; stores nothing', async () => {
    const fileId = ulid();
    const data = photoBytes(1000);
    await chunkEvent(zhapu, LVXIANG, { fileId, sha256: sha256Hex(data), index: 0, count: 1, data: toBase64(data) });
    await carry(zhapu, lvxiang);
    // 吕巷 asks 乍浦 for a file; 姚庄 slips in a chunk of it.
    const { ref } = await photoAtZhapu(1000);
    await requestAttachment(ref, LVXIANG_OFFICER, lvxiang.database);
    await chunkEvent(yaozhuang, LVXIANG, { fileId: ref.id, sha256: ref.sha256, index: 0, count: 1, data: toBase64(data) });
    await carry(yaozhuang, lvxiang);
    expect(await refusals(lvxiang)).toEqual([
      [YAOZHUANG, 'attachment.chunk', 'notAuthorized'],
      [ZHAPU, 'attachment.chunk', 'notAuthorized'],
    ]);
    expect(await chunksTable(lvxiang.database).count()).toBe(0);
    expect(await filesTable(lvxiang.database).count()).toBe(0);
  });

  it('refuses a chunk whose hash, count or length does not match the ref it asked for', async () => {
    const { ref, bytes } = await photoAtZhapu(2 * CHUNK_BYTES);
    await requestAttachment(ref, LVXIANG_OFFICER, lvxiang.database);
    const good = { fileId: ref.id, sha256: ref.sha256, index: 0, count: 2, data: toBase64(sliceChunk(bytes, 0)) };
    await chunkEvent(zhapu, LVXIANG, { ...good, sha256: 'f'.repeat(64) });
    await chunkEvent(zhapu, LVXIANG, { ...good, count: 3 });
    await chunkEvent(zhapu, LVXIANG, { ...good, data: toBase64(bytes.subarray(0, 1000)) });
    await chunkEvent(zhapu, LVXIANG, { ...good, index: 1, data: toBase64(sliceChunk(bytes, 0)).slice(0, 8) });
    await chunkEvent(zhapu, LVXIANG, good);
    await carry(zhapu, lvxiang);
    expect((await refusals(lvxiang)).map(([, , reason]) => reason)).toEqual(['notAuthorized', 'notAuthorized', 'notAuthorized', 'notAuthorized']);
    expect((await chunksTable(lvxiang.database).toArray()).map((c) => c.index)).toEqual([0]);
  });

  it('chunks that are each well formed but do not make the file the ref names are dropped as corrupt', async () => {
    const { ref } = await photoAtZhapu(2 * CHUNK_BYTES);
    // A station that lies: its stored bytes are not what its ref's sha256 says.
    await filesTable(zhapu.database).update(ref.id, { bytes: photoBytes(2 * CHUNK_BYTES, 99) });
    await requestAttachment(ref, LVXIANG_OFFICER, lvxiang.database);
    await carry(lvxiang, zhapu);
    await carry(zhapu, lvxiang);
    expect((await fetchesTable(lvxiang.database).get(ref.id))?.status).toBe('corrupt');
    expect(await filesTable(lvxiang.database).count()).toBe(0);
    expect(await chunksTable(lvxiang.database).count()).toBe(0);
  });

  it('refuses a request for a file the owner does not hold, or naming another hash, and sends nothing', async () => {
    const { ref } = await photoAtZhapu(1000);
    await appendEventInOwnTransaction(
      { type: 'attachment.requested', aggregateId: ref.id, recipients: [ZHAPU], payload: { fileId: ref.id, sha256: 'e'.repeat(64), size: 1000, missing: [0] }, officer: LVXIANG_OFFICER },
      [],
      lvxiang.database,
    );
    const unknown = ulid();
    await appendEventInOwnTransaction(
      { type: 'attachment.requested', aggregateId: unknown, recipients: [ZHAPU], payload: { fileId: unknown, sha256: ref.sha256, size: 1000, missing: [0] }, officer: LVXIANG_OFFICER },
      [],
      lvxiang.database,
    );
    await carry(lvxiang, zhapu);
    expect(await refusals(zhapu)).toEqual([
      [LVXIANG, 'attachment.requested', 'notAuthorized'],
      [LVXIANG, 'attachment.requested', 'notAuthorized'],
    ]);
    expect(await ownOutboxFor(zhapu, LVXIANG)).toBe(0);
  });

  it(`a neighbour asking again and again gets each chunk at most ${SERVE_MAX_TIMES} times`, async () => {
    const { ref } = await photoAtZhapu(1000);
    const ask = () =>
      appendEventInOwnTransaction(
        { type: 'attachment.requested', aggregateId: ref.id, recipients: [ZHAPU], payload: { fileId: ref.id, sha256: ref.sha256, size: 1000, missing: [0] }, officer: LVXIANG_OFFICER },
        [],
        yaozhuang.database,
      );
    let sent = 0;
    for (let round = 0; round < SERVE_MAX_TIMES + 3; round += 1) {
      await ask();
      await carry(yaozhuang, zhapu);
      sent += chunkIndexes(await carry(zhapu, yaozhuang)).length;
      await confirm(yaozhuang, zhapu);
    }
    expect(chunkCount(1000)).toBe(1);
    expect(sent).toBe(SERVE_MAX_TIMES);
  });
});
