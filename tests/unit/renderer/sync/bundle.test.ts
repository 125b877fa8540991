import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STATIONS } from '@shared/demo/demo-network';
import { constants, deflateRawSync } from 'node:zlib';
import { BUNDLE_MAX_FILE_BYTES, BUNDLE_MAX_INFLATED_BYTES } from '@shared/sync/bundle';
import { BundleRejectedError, exportBundle, importBundle } from '@renderer/sync/bundle-io';
import { cursorsTable, eventsTable, outboxTable, probesTable, quarantineTable } from '@renderer/sync/tables';
import { closeStation, openStation, sendProbe, type TestStation } from './helpers';

const A = DEMO_STATIONS.lvxiang;
const B = DEMO_STATIONS.zhapu;
const C = DEMO_STATIONS.yaozhuang;
let a: TestStation;
let b: TestStation;

beforeEach(async () => {
  a = await openStation(A);
  b = await openStation(B);
});
afterEach(async () => {
  await closeStation(a);
  await closeStation(b);
});

describe('bundle files (no network at all)', () => {
  it('carries pending batches from A to B; importing the same bundle twice changes nothing', async () => {
    const ids = [await sendProbe(a, [B], '一'), await sendProbe(a, [B, C], '二'), await sendProbe(a, [C], '只给姚庄')];
    const bundle = await exportBundle(a.database);
    expect(bundle).toMatchObject({ batches: 2, events: 4, peers: [C, B].sort() });
    const first = await importBundle(b, bundle.bytes);
    // Skipped: C's events and A's cursor for C (a bundle carries the exporter's cursor for each peer, PROTOCOL §8.3).
    expect(first).toMatchObject({ from: A, applied: 2, duplicates: 0, quarantined: 0, skipped: 2 });
    expect(await probesTable(b.database).count()).toBe(2);
    const eventsAfterFirst = await eventsTable(b.database).toArray();
    const second = await importBundle(b, bundle.bytes);
    expect(second).toMatchObject({ applied: 0, duplicates: 2 });
    expect(await eventsTable(b.database).toArray()).toEqual(eventsAfterFirst);
    expect(await probesTable(b.database).get(ids[0] ?? '')).toMatchObject({ text: '一' });
  });

  it('confirms delivery by bundle too: the recipient with nothing to send returns its cursor, and the sender\'s outbox drains', async () => {
    await sendProbe(a, [B], '只走U盘');
    await importBundle(b, (await exportBundle(a.database)).bytes);
    expect(await outboxTable(a.database).count()).toBe(1);
    // A station that once sent events but is no neighbour under the roster held now is owed nothing.
    await cursorsTable(b.database).put({ author: '320584999999', seq: 3, hash: '0'.repeat(64), at: '' });
    const answer = await exportBundle(b.database);
    expect(answer).toMatchObject({ batches: 0, events: 0, peers: [A] });
    await importBundle(a, answer.bytes);
    expect(await outboxTable(a.database).count()).toBe(0);
  });

  it('rejects a truncated or tampered bundle with a clear reason and applies nothing', async () => {
    await sendProbe(a, [B], '一');
    const { bytes } = await exportBundle(a.database, [B]);
    const truncated = bytes.slice(0, Math.floor(bytes.length / 2));
    await expect(importBundle(b, truncated)).rejects.toMatchObject({ problem: 'corrupt' });
    const flipped = bytes.slice();
    const middle = Math.floor(flipped.length / 2);
    flipped[middle] = (flipped[middle] ?? 0) ^ 0xff;
    await expect(importBundle(b, flipped)).rejects.toBeInstanceOf(BundleRejectedError);
    await expect(importBundle(b, new TextEncoder().encode('not a bundle'))).rejects.toMatchObject({ problem: 'corrupt' });
    expect(await probesTable(b.database).count()).toBe(0);
    expect(await eventsTable(b.database).count()).toBe(0);
    expect(await quarantineTable(b.database).count()).toBe(0);
  });

  it('refuses a 3 MB gzip bomb that inflates to 3 GB, or a file over the size limit, and applies nothing', async () => {
    const bomb = gzipBomb(3 * 1024, 1000); // its trailer understates the size: only the streamed cap stops it
    expect(bomb.length).toBeLessThan(4 * 1024 * 1024);
    await expect(importBundle(b, bomb)).rejects.toMatchObject({ problem: 'tooLarge' });    await expect(importBundle(b, new Uint8Array(BUNDLE_MAX_FILE_BYTES + 1))).rejects.toMatchObject({ problem: 'tooLarge' });
    expect(await eventsTable(b.database).count()).toBe(0);
    expect(BUNDLE_MAX_INFLATED_BYTES).toBeLessThan(3 * 1024 * 1024 * 1024);
  });

  it('exports nothing when nothing is pending for the chosen peer', async () => {
    await sendProbe(a, [B], '一');
    expect(await exportBundle(a.database, [C])).toMatchObject({ batches: 0, events: 0 });
  });
});

/**
 * A real gzip bomb: `mib` MiB of zeros. Each MiB is deflated once with a full flush (byte-aligned, no back
 * references across it), so the same ~1 KiB block can be repeated; the trailer states `statedSize`.
 */
function gzipBomb(mib: number, statedSize: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { flush: constants.Z_FULL_FLUSH, finishFlush: constants.Z_FULL_FLUSH });
  const last = Uint8Array.from([0x03, 0x00]); // an empty final block
  const header = Uint8Array.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
  const trailer = new Uint8Array(8);
  new DataView(trailer.buffer).setUint32(4, statedSize >>> 0, true);
  const out = new Uint8Array(header.length + block.length * mib + last.length + trailer.length);
  out.set(header, 0);
  for (let i = 0; i < mib; i += 1) out.set(block, header.length + i * block.length);
  out.set(last, header.length + block.length * mib);
  out.set(trailer, out.length - trailer.length);
  return out;
}
