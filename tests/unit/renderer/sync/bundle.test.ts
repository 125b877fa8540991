import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STATIONS } from '@shared/demo/demo-network';
import { BundleRejectedError, exportBundle, importBundle } from '@renderer/sync/bundle-io';
import { eventsTable, probesTable, quarantineTable } from '@renderer/sync/tables';
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
    expect(first).toMatchObject({ from: A, applied: 2, duplicates: 0, quarantined: 0, skipped: 1 });
    expect(await probesTable(b.database).count()).toBe(2);
    const eventsAfterFirst = await eventsTable(b.database).toArray();
    const second = await importBundle(b, bundle.bytes);
    expect(second).toMatchObject({ applied: 0, duplicates: 2 });
    expect(await eventsTable(b.database).toArray()).toEqual(eventsAfterFirst);
    expect(await probesTable(b.database).get(ids[0] ?? '')).toMatchObject({ text: '一' });
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

  it('exports nothing when nothing is pending for the chosen peer', async () => {
    await sendProbe(a, [B], '一');
    expect(await exportBundle(a.database, [C])).toMatchObject({ batches: 0, events: 0 });
  });
});
