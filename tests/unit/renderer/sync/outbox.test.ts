import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { DEMO_STATIONS, demoStationKey } from '@shared/demo/demo-network';
import { GENESIS_HASH, verifyEvent } from '@shared/sync/event';
import { verifyBatch } from '@shared/sync/batch';
import { EVENT_LOG_TABLES, EventLogScopeError, appendEvent } from '@renderer/sync/event-log';
import { markFailed, markSent, nextBatches, pendingByPeer, retryDelayMs } from '@renderer/sync/outbox';
import { eventsTable, outboxTable, peersTable, probesTable, SYNC_TABLES } from '@renderer/sync/tables';
import { OFFICER, closeStation, openStation, sendProbe, type TestStation } from './helpers';

const A = DEMO_STATIONS.lvxiang;
const B = DEMO_STATIONS.zhapu;
const C = DEMO_STATIONS.yaozhuang;
let a: TestStation;

beforeEach(async () => {
  a = await openStation(A);
});
afterEach(async () => {
  await closeStation(a);
});

const self = { code: A, key: demoStationKey(A) };

describe('event log', () => {
  it('signs each event, numbers it per recipient and chains it to the previous one to that recipient', async () => {
    await sendProbe(a, [B, C, A], '一');
    await sendProbe(a, [B], '二');
    await sendProbe(a, [C], '三');
    const rows = await eventsTable(a.database).orderBy('[authorStation+hlc]').toArray();
    const [first, second, third] = rows;
    if (!first || !second || !third) throw new Error('three events expected');
    expect(first.event.recipients).toEqual([B, C].sort());
    expect(first.event.links).toEqual([B, C].sort().map((to) => ({ to, seq: 1, prev: GENESIS_HASH })));
    expect(second.event.links).toEqual([{ to: B, seq: 2, prev: first.hash }]);
    // C's stream has no gap: it got #1, then #2, although A wrote an event for B in between.
    expect(third.event.links).toEqual([{ to: C, seq: 2, prev: first.hash }]);
    expect(verifyEvent(first.event, demoStationKey(A).publicKey)).toBe(true);
    expect(second.event.hlc > first.event.hlc).toBe(true);
    expect(Object.fromEntries(await pendingByPeer(a.database))).toEqual({ [B]: 2, [C]: 2 });
  });

  it('commits or rolls back together with the change it describes', async () => {
    const probeId = `${A}:${ulid()}`;
    await expect(
      a.database.transaction('rw', [...EVENT_LOG_TABLES, SYNC_TABLES.probes], async () => {
        await probesTable(a.database).add({ aggregateId: probeId, from: A, to: [B], officer: OFFICER, text: 'x', direction: 'sent', at: '' });
        await appendEvent({ type: 'sync.probe', aggregateId: probeId, recipients: [B], payload: { text: 'x' }, officer: OFFICER });
        throw new Error('form validation failed after all');
      }),
    ).rejects.toThrow('form validation');
    expect(await eventsTable(a.database).count()).toBe(0);
    expect(await outboxTable(a.database).count()).toBe(0);
    expect(await probesTable(a.database).count()).toBe(0);
  });

  it('refuses to run outside a transaction holding the log tables, and refuses invalid payloads, aggregate ids and recipients', async () => {
    const x = `${A}:${ulid()}`;
    await expect(appendEvent({ type: 'sync.probe', aggregateId: x, recipients: [B], payload: { text: 'x' }, officer: OFFICER })).rejects.toBeInstanceOf(EventLogScopeError);
    await expect(
      a.database.transaction('rw', [...EVENT_LOG_TABLES], async () => {
        await appendEvent({ type: 'sync.probe', aggregateId: x, recipients: [B], payload: { text: '' }, officer: OFFICER });
      }),
    ).rejects.toThrow();
    await expect(
      a.database.transaction('rw', [...EVENT_LOG_TABLES], async () => {
        await appendEvent({ type: 'sync.probe', aggregateId: x, recipients: [A], payload: { text: 'x' }, officer: OFFICER });
      }),
    ).rejects.toThrow(/recipient/);
    await expect(
      a.database.transaction('rw', [...EVENT_LOG_TABLES], async () => {
        await appendEvent({ type: 'sync.probe', aggregateId: `${A}:x`, recipients: [B], payload: { text: 'x' }, officer: OFFICER });
      }),
    ).rejects.toThrow(/aggregate id/);
    const many = Array.from({ length: 51 }, (_, i) => `3301${String(i).padStart(8, '0')}`);
    await expect(
      a.database.transaction('rw', [...EVENT_LOG_TABLES], async () => {
        await appendEvent({ type: 'sync.probe', aggregateId: x, recipients: many, payload: { text: 'x' }, officer: OFFICER });
      }),
    ).rejects.toThrow(/at most 50 recipients/);
    expect(await eventsTable(a.database).count()).toBe(0);
  });
});

describe('outbox', () => {
  it('groups pending events per peer into signed batches bounded by count and bytes', async () => {
    for (let i = 0; i < 7; i += 1) await sendProbe(a, [B], `消息${i}`);
    const byCount = await nextBatches(a.database, self, B, 100, { maxEvents: 3, maxBytes: 1_000_000 });
    expect(byCount.map((b) => b.events.length)).toEqual([3, 3, 1]);
    for (const batch of byCount) expect(verifyBatch(batch, demoStationKey(A).publicKey)).toBe(true);
    expect(byCount.flatMap((b) => b.events.map((e) => e.links[0]?.seq))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('seals a batch once: a retry publishes the identical batch, so the exchange can de-duplicate it', async () => {
    await sendProbe(a, [B], '一');
    await sendProbe(a, [B], '二');
    const [first] = await nextBatches(a.database, self, B);
    await sendProbe(a, [B], '三');
    const [again, next] = await nextBatches(a.database, self, B);
    expect(again).toEqual(first);
    expect(next?.events.map((e) => e.links[0]?.seq)).toEqual([3]);
    if (!first) throw new Error('no batch');
    await markSent(a.database, first);
    // Taken by the exchange is not delivered: the rows wait for B's cursor, but are not sent again meanwhile.
    expect(Object.fromEntries(await pendingByPeer(a.database))).toEqual({ [B]: 3 });
    expect((await nextBatches(a.database, self, B)).map((b) => b.id)).toEqual([next?.id]);
    expect((await peersTable(a.database).get(B))?.lastSentAt).not.toBeNull();
  });

  it('never splits a sealed batch when asked for fewer batches', async () => {
    for (let i = 0; i < 5; i += 1) await sendProbe(a, [B], `消息${i}`);
    const sealed = await nextBatches(a.database, self, B, 100, { maxEvents: 2, maxBytes: 1_000_000 });
    expect(sealed.map((b) => b.events.length)).toEqual([2, 2, 1]);
    const [firstOnly] = await nextBatches(a.database, self, B, 1);
    expect(firstOnly).toEqual(sealed[0]);
  });

  it('remembers failures per peer and backs off with jitter, capped at a minute', async () => {
    expect(await markFailed(a.database, B, 'timeout')).toBe(1);
    expect(await markFailed(a.database, B, 'timeout')).toBe(2);
    expect((await peersTable(a.database).get(B))?.lastError).toBe('timeout');
    expect(retryDelayMs(1, () => 0)).toBe(500);
    expect(retryDelayMs(1, () => 1)).toBe(1000);
    expect(retryDelayMs(4, () => 0.5)).toBe(6000);
    expect(retryDelayMs(50, () => 1)).toBe(60_000);
  });
});
