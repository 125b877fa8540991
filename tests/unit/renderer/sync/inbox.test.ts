import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { DEMO_STATIONS, demoStationKey, signedDemoRoster, DEMO_ROOT, demoRoster } from '@shared/demo/demo-network';
import { signBatch, type SignedBatch } from '@shared/sync/batch';
import { gzipSync, strToU8 } from 'fflate';
import { GENESIS_HASH, PROTOCOL_VERSION, eventBody, eventHash, signEvent, type SignedEvent } from '@shared/sync/event';
import { generateKeyPair } from '@shared/sync/keys';
import { signRoster } from '@shared/sync/roster';
import { combineAppliers } from '@renderer/sync/appliers';
import { appliers as syncAppliers } from '@renderer/features/sync/sync-appliers';
import { cursorBatch, nextBatches, markSent } from '@renderer/sync/outbox';
import { applyCheckedBatch, checkBatch, receiveBatch, receiveWireBatch } from '@renderer/sync/inbox';
import { acceptRoster, loadTrust } from '@renderer/sync/trust';
import { conflictsTable, cursorsTable, eventsTable, outboxTable, peersTable, pendingTable, probesTable, quarantineTable, refusedTable } from '@renderer/sync/tables';
import { OFFICER, appendEventInOwnTransaction, closeStation, openStation, sendProbe, type TestStation } from './helpers';

const A = DEMO_STATIONS.lvxiang;
const B = DEMO_STATIONS.zhapu;

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

const keyOf = (code: string) => ({ code, key: demoStationKey(code) });

async function batchesFromA(): Promise<SignedBatch[]> {
  return nextBatches(a.database, keyOf(A), B, 100, { maxEvents: 1, maxBytes: 1_000_000 });
}

const labelled = new Map<string, string>();
/** A readable label (`<station>:<name>`) as a probe's aggregate id of the protocol's form `<station>:<ULID>`, one per label. */
function aggregateOf(label: string): string {
  const known = labelled.get(label) ?? `${label.split(':')[0] ?? ''}:${ulid()}`;
  labelled.set(label, known);
  return known;
}

/** A hand-made event of `author`, to play a misbehaving station. */
function craftEvent(author: string, seq: number, prev: string, label: string, text: string, secretKey = demoStationKey(author).secretKey): SignedEvent {
  const aggregateId = aggregateOf(label);
  return signEvent(
    { v: PROTOCOL_VERSION, id: ulid(), type: 'sync.probe', aggregateId, authorStation: author, authorOfficer: OFFICER, hlc: '1767225600000-0000', recipients: [B], links: [{ to: B, seq, prev }], payload: { text } },
    secretKey,
  );
}

function craftBatch(from: string, events: SignedEvent[], secretKey = demoStationKey(from).secretKey): SignedBatch {
  return signBatch({ v: PROTOCOL_VERSION, id: ulid(), from, to: B, createdAt: new Date().toISOString(), events }, secretKey);
}

describe('inbox: verify, order, apply', () => {
  it('applies an event written at A at B once, however often the batch comes', async () => {
    const id = await sendProbe(a, [B], '你好');
    const [batch] = await nextBatches(a.database, keyOf(A), B);
    if (!batch) throw new Error('no batch');
    expect(await receiveBatch(b, batch, 'exchange')).toMatchObject({ outcome: 'applied', applied: 1 });
    expect(await receiveBatch(b, batch, 'exchange')).toMatchObject({ outcome: 'applied', applied: 0, duplicates: 1 });
    expect(await probesTable(b.database).get(id)).toMatchObject({ text: '你好', direction: 'received', from: A });
    expect(await eventsTable(b.database).count()).toBe(1);
    await markSent(a.database, batch);
    // The exchange took it, but only B's signed cursor proves delivery.
    expect(await outboxTable(a.database).count()).toBe(1);
    expect(await receiveBatch(a, await cursorBatch(b.database, keyOf(B), A), 'exchange')).toMatchObject({ outcome: 'applied' });
    expect(await outboxTable(a.database).count()).toBe(0);
  });

  it('holds events that arrive ahead of a gap until the gap fills, then applies them in order', async () => {
    const ids = [await sendProbe(a, [B], '一'), await sendProbe(a, [B], '二'), await sendProbe(a, [B], '三')];
    const [first, second, third] = await batchesFromA();
    if (!first || !second || !third) throw new Error('expected three batches');
    expect(await receiveBatch(b, third, 'exchange')).toMatchObject({ outcome: 'applied', applied: 0, waiting: 1 });
    expect(await receiveBatch(b, second, 'exchange')).toMatchObject({ outcome: 'applied', applied: 0 });
    expect(await probesTable(b.database).count()).toBe(0);
    expect(await pendingTable(b.database).count()).toBe(2);
    expect(await receiveBatch(b, first, 'exchange')).toMatchObject({ outcome: 'applied', applied: 3 });
    expect(await pendingTable(b.database).count()).toBe(0);
    expect((await cursorsTable(b.database).get(A))?.seq).toBe(3);
    for (const id of ids) expect(await probesTable(b.database).get(id)).toBeDefined();
  });

  it('quarantines a tampered batch (bad signatures) and applies nothing', async () => {
    await sendProbe(a, [B], '原文');
    const [batch] = await nextBatches(a.database, keyOf(A), B);
    const event = batch?.events[0];
    if (!batch || !event) throw new Error('no batch');
    const tampered = { ...batch, events: [{ ...event, payload: { text: '篡改' } }] };
    expect(await receiveBatch(b, tampered, 'exchange')).toMatchObject({ outcome: 'quarantined', reason: 'badBatchSignature' });
    const { signature: _s, ...content } = tampered;
    const resigned = signBatch(content, demoStationKey(A).secretKey);
    expect(await receiveBatch(b, resigned, 'exchange')).toMatchObject({ outcome: 'quarantined', reason: 'badEventSignature' });
    expect(await probesTable(b.database).count()).toBe(0);
    expect(await eventsTable(b.database).count()).toBe(0);
    const quarantined = await quarantineTable(b.database).toArray();
    expect(quarantined.map((q) => q.reason).sort()).toEqual(['badBatchSignature', 'badEventSignature']);
  });

  it('quarantines a batch from a station not in the roster, or signed with a key that is not the sender\'s', async () => {
    const stranger = generateKeyPair();
    const unknown = craftBatch('320500000001', [craftEvent('320500000001', 1, GENESIS_HASH, '320500000001:x', '冒充', stranger.secretKey)], stranger.secretKey);
    expect(await receiveBatch(b, unknown, 'exchange')).toMatchObject({ outcome: 'quarantined', reason: 'unknownStation' });
    const forged = craftBatch(A, [craftEvent(A, 1, GENESIS_HASH, `${A}:x`, '伪造', stranger.secretKey)], stranger.secretKey);
    expect(await receiveBatch(b, forged, 'exchange')).toMatchObject({ outcome: 'quarantined', reason: 'badBatchSignature' });
    const notNeighbour = craftBatch(DEMO_STATIONS.sanlian, [craftEvent(DEMO_STATIONS.sanlian, 1, GENESIS_HASH, `${DEMO_STATIONS.sanlian}:x`, '越界')]);
    expect(await receiveBatch(b, notNeighbour, 'exchange')).toMatchObject({ outcome: 'quarantined', reason: 'notNeighbour' });
    expect(await receiveBatch(b, { nonsense: true }, 'exchange')).toMatchObject({ outcome: 'quarantined', reason: 'malformed' });
    expect(await probesTable(b.database).count()).toBe(0);
    expect(await quarantineTable(b.database).count()).toBe(4);
  });

  it('refuses just the event a station had no right to write; the events around it apply and the cursor moves on', async () => {
    const good = craftEvent(A, 1, GENESIS_HASH, `${A}:ok`, '合法');
    const trespass = craftEvent(A, 2, eventHash(good), `${B}:theirs`, '越权');
    const later = craftEvent(A, 3, eventHash(trespass), `${A}:later`, '之后');
    const result = await receiveBatch(b, craftBatch(A, [good, trespass, later]), 'exchange');
    expect(result).toMatchObject({ outcome: 'applied', applied: 2, refused: 1 });
    expect((await probesTable(b.database).toArray()).map((p) => p.text).sort()).toEqual(['之后', '合法'].sort());
    expect(await refusedTable(b.database).toArray()).toMatchObject([{ author: A, eventId: trespass.id, seq: 2, reason: 'notAuthorized' }]);
    expect((await eventsTable(b.database).get([A, trespass.id]))?.refused).toBe(true);
    expect((await cursorsTable(b.database).get(A))?.seq).toBe(3);
    expect(await quarantineTable(b.database).count()).toBe(0);
  });

  it('quarantines a broken chain and stops the author\'s stream until it sends the right events', async () => {
    const first = craftEvent(A, 1, GENESIS_HASH, `${A}:1`, '一');
    const second = craftEvent(A, 2, GENESIS_HASH, `${A}:2`, '二');
    expect(await receiveBatch(b, craftBatch(A, [first, second]), 'exchange')).toMatchObject({ outcome: 'quarantined', reason: 'brokenChain' });
    expect(await probesTable(b.database).count()).toBe(0);
    expect((await peersTable(b.database).get(A))?.stopped).toMatchObject({ reason: 'brokenChain' });
    const fixed = craftEvent(A, 2, eventHash(first), `${A}:2`, '二');
    expect(await receiveBatch(b, craftBatch(A, [first, fixed]), 'exchange')).toMatchObject({ outcome: 'applied', applied: 2 });
    expect((await peersTable(b.database).get(A))?.stopped).toBeNull();
  });

  it('keeps an event that does not fit local state as a conflict with both sides', async () => {
    const first = craftEvent(A, 1, GENESIS_HASH, `${A}:same`, '第一版');
    const second = craftEvent(A, 2, eventHash(first), `${A}:same`, '第二版');
    expect(await receiveBatch(b, craftBatch(A, [first, second]), 'exchange')).toMatchObject({ outcome: 'applied', applied: 1, conflicts: 1 });
    const [conflict] = await conflictsTable(b.database).toArray();
    expect(conflict).toMatchObject({ eventId: second.id, status: 'open', remote: { text: '第二版' }, local: { text: '第一版' } });
    expect((await probesTable(b.database).get(aggregateOf(`${A}:same`)))?.text).toBe('第一版');
    expect((await cursorsTable(b.database).get(A))?.seq).toBe(2);
  });

  it('keeps two authors\' conflicts apart even when a neighbour reuses the other\'s event id', async () => {
    const first = craftEvent(A, 1, GENESIS_HASH, `${A}:same`, '甲一');
    const second = craftEvent(A, 2, eventHash(first), `${A}:same`, '甲二');
    await receiveBatch(b, craftBatch(A, [first, second]), 'exchange');
    const C = DEMO_STATIONS.yaozhuang;
    const theirs = craftEvent(C, 1, GENESIS_HASH, `${C}:same`, '丙一');
    const copycat = signEvent({ ...eventBody(craftEvent(C, 2, eventHash(theirs), `${C}:same`, '丙二')), id: second.id }, demoStationKey(C).secretKey);
    expect(await receiveBatch(b, craftBatch(C, [theirs, copycat]), 'exchange')).toMatchObject({ outcome: 'applied', conflicts: 1 });
    const conflicts = await conflictsTable(b.database).toArray();
    expect(conflicts.map((c) => [c.authorStation, c.eventId, (c.remote as { text: string }).text]).sort()).toEqual(
      [
        [A, second.id, '甲二'],
        [C, second.id, '丙二'],
      ].sort(),
    );
  });

  it('rolls back everything when applying crashes midway, and applies the batch in full when it comes again', async () => {
    await sendProbe(a, [B], '一');
    await sendProbe(a, [B], '二');
    const [batch] = await nextBatches(a.database, keyOf(A), B);
    if (!batch) throw new Error('no batch');
    const probes = syncAppliers.batchAppliers?.['sync.probe'];
    if (!probes) throw new Error('no probe applier');
    const crashing = combineAppliers([
      {
        tables: syncAppliers.tables,
        appliers: {},
        batchAppliers: {
          'sync.probe': async (events, tx) => {
            await probes(events, tx);
            throw new Error('power cut');
          },
        },
      },
    ]);
    await expect(receiveBatch({ database: b.database, appliers: crashing }, batch, 'exchange')).rejects.toThrow('power cut');
    expect(await probesTable(b.database).count()).toBe(0);
    expect(await eventsTable(b.database).count()).toBe(0);
    expect(await cursorsTable(b.database).count()).toBe(0);
    expect(await receiveBatch(b, batch, 'exchange')).toMatchObject({ outcome: 'applied', applied: 2 });
    expect(await probesTable(b.database).count()).toBe(2);
  });

  it('hands runs of one type to its batch applier and keeps the order around events applied one by one', async () => {
    const roster = signRoster({ ...demoRoster, version: 2, issuedAt: '2026-02-01T00:00:00.000Z' }, DEMO_ROOT.secretKey);
    const p1 = craftEvent(A, 1, GENESIS_HASH, `${A}:1`, '一');
    const p2 = craftEvent(A, 2, eventHash(p1), `${A}:2`, '二');
    const rosterEvent = signEvent(
      { v: PROTOCOL_VERSION, id: ulid(), type: 'roster.updated', aggregateId: 'roster', authorStation: A, authorOfficer: OFFICER, hlc: '1767225600000-0000', recipients: [B], links: [{ to: B, seq: 3, prev: eventHash(p2) }], payload: roster },
      demoStationKey(A).secretKey,
    );
    const p4 = craftEvent(A, 4, eventHash(rosterEvent), `${A}:4`, '四');
    const log: string[] = [];
    const recording = combineAppliers([
      {
        tables: syncAppliers.tables,
        appliers: { 'roster.updated': async () => void log.push('roster') },
        batchAppliers: {
          'sync.probe': async (events) => {
            log.push(events.map((e) => (e.payload as { text: string }).text).join(''));
            return events.map(() => null);
          },
        },
      },
    ]);
    const result = await receiveBatch({ database: b.database, appliers: recording }, craftBatch(A, [p1, p2, rosterEvent, p4]), 'exchange');
    expect(result).toMatchObject({ outcome: 'applied', applied: 4, conflicts: 0 });
    expect(log).toEqual(['一二', 'roster', '四']);
    expect((await cursorsTable(b.database).get(A))?.seq).toBe(4);
  });

  it('checks a batch again when the roster changed between its check and its apply (pipelined receiving)', async () => {
    const batch = craftBatch(A, [craftEvent(A, 1, GENESIS_HASH, `${A}:late`, '旧密钥')]);
    const checked = await checkBatch(b, batch, 'exchange');
    expect(checked.kind).toBe('verified');
    // Meanwhile a newer roster arrives in which A has a new key (key rotation): the old key no longer speaks for A.
    const rotated = signRoster(
      { ...demoRoster, version: 2, issuedAt: '2026-02-01T00:00:00.000Z', stations: demoRoster.stations.map((s) => (s.code === A ? { ...s, publicKey: generateKeyPair().publicKey } : s)) },
      DEMO_ROOT.secretKey,
    );
    expect(await acceptRoster(b.database, rotated)).toMatchObject({ ok: true });
    expect(await applyCheckedBatch(b, checked)).toMatchObject({ outcome: 'quarantined', reason: 'badBatchSignature' });
    expect(await probesTable(b.database).count()).toBe(0);
  });

  it('checks a batch again rather than quarantine it when it was refused against a roster replaced since', async () => {
    // B has checked a batch under roster 1 (the view later checks start from).
    expect(await receiveBatch(b, craftBatch(A, [craftEvent(A, 1, GENESIS_HASH, `${A}:old`, '旧')]), 'exchange')).toMatchObject({ outcome: 'applied' });
    const newKey = generateKeyPair();
    const rotated = signRoster(
      { ...demoRoster, version: 2, issuedAt: '2026-02-01T00:00:00.000Z', stations: demoRoster.stations.map((s) => (s.code === A ? { ...s, publicKey: newKey.publicKey } : s)) },
      DEMO_ROOT.secretKey,
    );
    const first = (await eventsTable(b.database).toArray())[0];
    if (!first) throw new Error('no event');
    const batch = craftBatch(A, [craftEvent(A, 2, first.hash, `${A}:new`, '新密钥', newKey.secretKey)], newKey.secretKey);
    // Checked against roster 1, A's new key is not A's: refused. Roster 2 arrives before the refusal is stored.
    const checked = await checkBatch(b, batch, 'exchange');
    expect(checked).toMatchObject({ kind: 'refused', reason: 'badBatchSignature' });
    expect(await acceptRoster(b.database, rotated)).toMatchObject({ ok: true });
    expect(await applyCheckedBatch(b, checked)).toMatchObject({ outcome: 'applied', applied: 1 });
    expect(await quarantineTable(b.database).count()).toBe(0);
  });

  it('accepts a newer root-signed roster over the exchange and refuses a forged one', async () => {
    const newer = signRoster({ ...demoRoster, version: 2, issuedAt: '2026-02-01T00:00:00.000Z' }, DEMO_ROOT.secretKey);
    await appendEventInOwnTransaction({ type: 'roster.updated', aggregateId: 'roster', recipients: [B], payload: newer, officer: OFFICER }, [], a.database);
    const forged = signRoster({ ...demoRoster, version: 3, issuedAt: '2026-03-01T00:00:00.000Z' }, generateKeyPair().secretKey);
    await appendEventInOwnTransaction({ type: 'roster.updated', aggregateId: 'roster', recipients: [B], payload: forged, officer: OFFICER }, [], a.database);
    const [first, second] = await batchesFromA();
    if (!first || !second) throw new Error('expected two batches');
    expect(await receiveBatch(b, first, 'exchange')).toMatchObject({ outcome: 'applied', applied: 1 });
    expect((await loadTrust(b.database)).roster?.roster.version).toBe(2);
    expect(await receiveBatch(b, second, 'exchange')).toMatchObject({ outcome: 'applied', refused: 1 });
    expect((await refusedTable(b.database).toArray()).map((r) => r.type)).toEqual(['roster.updated']);
    expect((await loadTrust(b.database)).roster?.roster.version).toBe(2);
    expect(signedDemoRoster().roster.version).toBe(1);
  });

  it('keeps a genuine event whose id a third station reused: ids are unique per author', async () => {
    const C = DEMO_STATIONS.yaozhuang;
    const genuine = craftEvent(A, 1, GENESIS_HASH, `${A}:genuine`, '真的');
    const copycat = signEvent({ ...eventBody(craftEvent(C, 1, GENESIS_HASH, `${C}:copy`, '抢注')), id: genuine.id }, demoStationKey(C).secretKey);
    expect(await receiveBatch(b, craftBatch(C, [copycat]), 'exchange')).toMatchObject({ outcome: 'applied', applied: 1 });
    expect(await receiveBatch(b, craftBatch(A, [genuine]), 'exchange')).toMatchObject({ outcome: 'applied', applied: 1 });
    expect((await probesTable(b.database).toArray()).map((p) => p.text).sort()).toEqual(['抢注', '真的'].sort());
    expect(await eventsTable(b.database).get([A, genuine.id])).toBeDefined();
  });

  it('refuses an id the author reuses in a later batch as duplicateId, keeps the first, applies what follows, and skips it when delivered again', async () => {
    const first = craftEvent(A, 1, GENESIS_HASH, `${A}:first`, '第一');
    expect(await receiveBatch(b, craftBatch(A, [first]), 'exchange')).toMatchObject({ outcome: 'applied', applied: 1 });
    const reused = signEvent({ ...eventBody(craftEvent(A, 2, eventHash(first), `${A}:again`, '重复')), id: first.id }, demoStationKey(A).secretKey);
    const next = craftEvent(A, 3, eventHash(reused), `${A}:next`, '之后');
    const second = craftBatch(A, [reused, next]);
    expect(await receiveBatch(b, second, 'exchange')).toMatchObject({ outcome: 'applied', applied: 1, refused: 1 });
    expect(await receiveBatch(b, second, 'exchange')).toMatchObject({ outcome: 'applied', applied: 0, duplicates: 2 });
    expect(await refusedTable(b.database).toArray()).toMatchObject([{ author: A, eventId: `${first.id}#2`, seq: 2, reason: 'duplicateId' }]);
    expect((await probesTable(b.database).toArray()).map((p) => p.text).sort()).toEqual(['之后', '第一'].sort());
    expect((await eventsTable(b.database).get([A, first.id]))?.event.aggregateId).toBe(aggregateOf(`${A}:first`));
    expect((await cursorsTable(b.database).get(A))?.seq).toBe(3);
  });

  it('refuses an event from the far future without moving the local clock, and applies what follows it', async () => {
    const future = signEvent({ ...eventBody(craftEvent(A, 1, GENESIS_HASH, `${A}:future`, '未来')), hlc: '9999999999999-9999' }, demoStationKey(A).secretKey);
    const next = craftEvent(A, 2, eventHash(future), `${A}:next`, '现在');
    expect(await receiveBatch(b, craftBatch(A, [future, next]), 'exchange')).toMatchObject({ outcome: 'applied', applied: 1, refused: 1 });
    expect(await refusedTable(b.database).toArray()).toMatchObject([{ eventId: future.id, reason: 'clockAhead' }]);
    await sendProbe(b, [A], '本站');
    const own = (await eventsTable(b.database).toArray()).find((e) => e.authorStation === B);
    expect(Number(own?.hlc.slice(0, 13))).toBeLessThan(Date.now() + 60_000);
  });

  it('refuses, per event, an aggregate id not of its type\'s form, and applies what follows', async () => {
    const made = signEvent({ ...eventBody(craftEvent(A, 1, GENESIS_HASH, `${A}:made-up`, '编造')), aggregateId: `${A}:not-a-ulid` }, demoStationKey(A).secretKey);
    const next = craftEvent(A, 2, eventHash(made), `${A}:next`, '之后');
    expect(await receiveBatch(b, craftBatch(A, [made, next]), 'exchange')).toMatchObject({ outcome: 'applied', applied: 1 });
    expect((await refusedTable(b.database).toArray()).map((r) => [r.eventId, r.reason])).toEqual([[made.id, 'invalidPayload']]);
    expect((await probesTable(b.database).toArray()).map((p) => p.text)).toEqual(['之后']);
    expect((await cursorsTable(b.database).get(A))?.seq).toBe(2);
  });

  it('bounds hostile batches: order, duplicates, extra signed fields, canonical bytes and size', async () => {
    const first = craftEvent(A, 1, GENESIS_HASH, `${A}:1`, '一');
    const second = craftEvent(A, 2, eventHash(first), `${A}:2`, '二');
    expect(await receiveBatch(b, craftBatch(A, [second, first]), 'exchange')).toMatchObject({ outcome: 'quarantined', reason: 'outOfOrder' });
    expect(await receiveBatch(b, craftBatch(A, [first, first, second]), 'exchange')).toMatchObject({ outcome: 'applied', applied: 2, duplicates: 1 });
    const { signature: _s, ...content } = craftBatch(A, [craftEvent(A, 3, eventHash(second), `${A}:3`, '三')]);
    const extra = signBatch({ ...content, note: 'signed, but not in the schema' } as typeof content, demoStationKey(A).secretKey);
    expect(await receiveBatch(b, extra, 'exchange')).toMatchObject({ outcome: 'quarantined', reason: 'unknownField' });
    const spaced = gzipSync(strToU8(JSON.stringify(craftBatch(A, [craftEvent(A, 3, eventHash(second), `${A}:3`, '三')]), null, 1)));
    expect(await receiveWireBatch(b, spaced)).toMatchObject({ outcome: 'quarantined', reason: 'notCanonical' });
    const big = Array.from({ length: 5 }, (_, i) => craftEvent(A, 3 + i, GENESIS_HASH, `${A}:big${i}`, 'x'.repeat(190)));
    const padded = big.map((e) => signEvent({ ...eventBody(e), payload: { text: '大'.repeat(200) }, aggregateId: `${A}:${'p'.repeat(100)}` }, demoStationKey(A).secretKey));
    const huge = craftBatch(A, Array.from({ length: 500 }, (_, i) => padded[i % padded.length] as SignedEvent));
    expect(await receiveBatch(b, huge, 'exchange')).toMatchObject({ outcome: 'quarantined', reason: 'tooLarge' });
    expect(await receiveWireBatch(b, gzipSync(new Uint8Array(20_000_000)))).toMatchObject({ outcome: 'quarantined', reason: 'tooLarge' });
    expect((await cursorsTable(b.database).get(A))?.seq).toBe(2);
  });
});
