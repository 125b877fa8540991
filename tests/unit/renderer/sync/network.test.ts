import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_STATIONS, demoStationKey } from '@shared/demo/demo-network';
import { encodeJsonGzip } from '@shared/sync/wire';
import type { SignedBatch } from '@shared/sync/batch';
import { StreamPositionUnknownError } from '@renderer/sync/event-log';
import { receiveWireBatch } from '@renderer/sync/inbox';
import { cursorBatch, markSent, nextBatches, unsentPeers } from '@renderer/sync/outbox';
import { captureOwnStreams, mergeOwnStreams } from '@renderer/sync/restore';
import { acceptRoster } from '@renderer/sync/trust';
import { conflictsTable, cursorsTable, outboxTable, probesTable, quarantineTable, refusedTable } from '@renderer/sync/tables';
import { SEVEN_CODES, prng, randomRecipients, sevenRoster, shuffle } from '../../../support/seven-stations';
import { closeStation, openStation, sendProbe, type TestStation } from './helpers';

/** 五地七所: all seven demo stations in one neighbour group (tests/support/seven-stations.ts). */
const CODES = SEVEN_CODES;

/**
 * An in-memory exchange: one inbox of wire messages per station. `copies` puts each message in several times
 * (at-least-once delivery, duplicates), `drop` loses some; delivery takes an inbox in random order.
 */
class Network {
  readonly inboxes = new Map<string, Uint8Array[]>();
  copies = 1;
  drop: (batch: SignedBatch) => boolean = () => false;
  constructor(
    readonly stations: Map<string, TestStation>,
    readonly random: () => number,
  ) {}

  private post(batch: SignedBatch): void {
    if (this.drop(batch)) return;
    const inbox = this.inboxes.get(batch.to) ?? [];
    for (let i = 0; i < this.copies; i += 1) inbox.push(encodeJsonGzip(batch));
    this.inboxes.set(batch.to, inbox);
  }

  /** What a station's engine does on a flush: every unsent batch, and its cursor to each neighbour. */
  async send(station: TestStation, cursors = true): Promise<void> {
    const self = { code: station.code, key: demoStationKey(station.code) };
    for (const peer of await unsentPeers(station.database)) {
      for (const batch of await nextBatches(station.database, self, peer, 1000, { maxEvents: 3, maxBytes: 1_000_000 })) {
        this.post(batch);
        await markSent(station.database, batch);
      }
    }
    if (!cursors) return;
    for (const peer of this.stations.keys()) if (peer !== station.code) this.post(await cursorBatch(station.database, self, peer));
  }

  async deliver(station: TestStation): Promise<void> {
    const messages = shuffle(this.inboxes.get(station.code) ?? [], this.random);
    this.inboxes.set(station.code, []);
    for (const message of messages) await receiveWireBatch(station, message);
  }

  /** Rounds of send and deliver for everyone, in random order, until nothing is in flight or pending. */
  async settle(rounds = 8): Promise<void> {
    for (let round = 0; round < rounds; round += 1) {
      for (const s of shuffle([...this.stations.values()], this.random)) await this.send(s);
      for (const s of shuffle([...this.stations.values()], this.random)) await this.deliver(s);
      const pending = await Promise.all([...this.stations.values()].map((s) => outboxTable(s.database).count()));
      if (pending.every((n) => n === 0) && [...this.inboxes.values()].every((m) => m.length === 0)) return;
    }
  }
}

const opened: TestStation[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const s of opened.splice(0)) await closeStation(s);
});

async function network(seed: number, codes: string[] = CODES): Promise<{ net: Network; at: (code: string) => TestStation }> {
  const stations = new Map<string, TestStation>();
  for (const code of codes) {
    const s = await openStation(code);
    opened.push(s);
    expect(await acceptRoster(s.database, sevenRoster)).toMatchObject({ ok: true });
    stations.set(code, s);
  }
  const at = (code: string) => {
    const s = stations.get(code);
    if (!s) throw new Error(`no station ${code}`);
    return s;
  };
  return { net: new Network(stations, prng(seed)), at };
}

/** Each station writes probes to random subsets of the others; returns what each should end up with. */
async function writeRandomly(net: Network, perStation: number, random: () => number): Promise<Map<string, Set<string>>> {
  const expected = new Map<string, Set<string>>(CODES.map((c) => [c, new Set<string>()]));
  const writers = [...net.stations.values()];
  for (let i = 0; i < perStation * writers.length; i += 1) {
    const from = writers[Math.floor(random() * writers.length)] as TestStation;
    const others = CODES.filter((c) => c !== from.code);
    const to = randomRecipients(others, random);
    const id = await sendProbe(from, to, `第${i}条`);
    for (const r of to) expected.get(r)?.add(id);
  }
  return expected;
}

async function receivedIds(s: TestStation): Promise<string[]> {
  return (await probesTable(s.database).toArray()).filter((p) => p.direction === 'received').map((p) => p.aggregateId).sort();
}

async function expectExactly(net: Network, expected: Map<string, Set<string>>): Promise<void> {
  for (const s of net.stations.values()) {
    expect(await receivedIds(s), s.code).toEqual([...(expected.get(s.code) ?? [])].sort());
    expect(await quarantineTable(s.database).count()).toBe(0);
    expect(await conflictsTable(s.database).count()).toBe(0);
    expect(await refusedTable(s.database).count()).toBe(0);
    expect(await outboxTable(s.database).count()).toBe(0);
  }
}

describe('seven stations, each sending to random subsets of the others', () => {
  it('every station ends with exactly what was addressed to it, with every message delivered three times, out of order', async () => {
    const { net } = await network(7);
    net.copies = 3;
    const expected = await writeRandomly(net, 4, prng(42));
    await net.settle();
    await expectExactly(net, expected);
  });

  it('lost messages are sent again once the recipient\'s cursor shows they are missing', async () => {
    const { net } = await network(11);
    const expected = await writeRandomly(net, 3, prng(5));
    // The first round loses every other batch that carries events.
    let n = 0;
    net.drop = (batch) => batch.events.length > 0 && (n += 1) % 2 === 0;
    for (const s of net.stations.values()) await net.send(s, false);
    net.drop = () => false;
    for (const s of net.stations.values()) await net.deliver(s);
    // Nothing comes back by itself: the senders wait for cursors, and the cursors show the gaps.
    await net.settle(2);
    const missing = (await Promise.all([...net.stations.values()].map((s) => outboxTable(s.database).count()))).reduce((a, b) => a + b, 0);
    expect(missing).toBeGreaterThan(0);
    // A minute later the next cursors make the senders resend what is still uncovered.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 60_000 });
    await net.settle();
    await expectExactly(net, expected);
  });
});

describe('restoring an older backup', () => {
  /** Every table's rows, as a backup holds them. */
  async function snapshot(s: TestStation): Promise<Map<string, unknown[]>> {
    const tables = new Map<string, unknown[]>();
    for (const table of s.database.tables) tables.set(table.name, await table.toArray());
    return tables;
  }

  /** A restore onto a new PC: a fresh database gets the backup's rows, then sync's restore rule (no own streams kept). */
  async function restoreOnNewPc(code: string, backup: Map<string, unknown[]>): Promise<TestStation> {
    const s = await openStation(code);
    opened.push(s);
    await s.database.transaction('rw', s.database.tables, async () => {
      const kept = await captureOwnStreams(s.database, '000000000000');
      for (const table of s.database.tables) await table.clear();
      for (const [name, rows] of backup) await s.database.table(name).bulkAdd(rows);
      await mergeOwnStreams(s.database, code, kept);
    });
    return s;
  }

  it('never forks: the station learns its position from its neighbours\' cursors and gets what it missed resent', async () => {
    const { net, at } = await network(3, [DEMO_STATIONS.lvxiang, DEMO_STATIONS.zhapu]);
    const [A, B] = [DEMO_STATIONS.lvxiang, DEMO_STATIONS.zhapu];
    const before = [await sendProbe(at(A), [B], '备份前'), await sendProbe(at(B), [A], '备份前B')];
    await net.settle();
    const backup = await snapshot(at(A));
    const after = [await sendProbe(at(A), [B], '备份后'), await sendProbe(at(B), [A], '备份后B')];
    await net.settle();
    expect(await receivedIds(at(B))).toEqual([before[0], after[0]].sort());

    // A's PC dies; the backup is restored on a new one: its head for B is one event behind what B has.
    const restored = await restoreOnNewPc(A, backup);
    net.stations.set(A, restored);
    await expect(sendProbe(restored, [B], '太早')).rejects.toBeInstanceOf(StreamPositionUnknownError);
    // Connecting: A sends its (old) cursors, B answers with its own and resends what A lost.
    await net.settle();
    const next = await sendProbe(restored, [B], '恢复后');
    await net.settle();
    expect(await receivedIds(at(B))).toEqual([before[0], after[0], next].sort());
    expect(await quarantineTable(at(B).database).count()).toBe(0);
    expect((await cursorsTable(at(B).database).get(A))?.seq).toBe(3);
    expect(await receivedIds(restored)).toEqual([before[1], after[1]].sort());
  });
});
