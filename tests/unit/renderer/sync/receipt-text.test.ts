import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { DEMO_STATIONS, demoStationKey } from '@shared/demo/demo-network';
import { signBatch } from '@shared/sync/batch';
import { GENESIS_HASH, PROTOCOL_VERSION, eventHash, signEvent, type SignedEvent } from '@shared/sync/event';
import { receiveBatch } from '@renderer/sync/inbox';
import { refusedTable } from '@renderer/sync/tables';
import { OFFICER, closeStation, openStation, type TestStation } from './helpers';

/** Issue 14 §6: a neighbour's event is checked with the same character rules as a form, so it cannot inject markup. */
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

function withdrawal(seq: number, prev: string, officerName: string): SignedEvent {
  const caseId = ulid();
  return signEvent(
    {
      v: PROTOCOL_VERSION,
      id: ulid(),
      type: 'migration.withdrawn',
      aggregateId: caseId,
      authorStation: A,
      authorOfficer: OFFICER,
      hlc: '1767225600000-0000',
      recipients: [B],
      links: [{ to: B, seq, prev }],
      payload: { caseId, at: '2026-01-01T08:00:00+08:00', officerName, note: '' },
    },
    demoStationKey(A).secretKey,
  );
}

describe('receiving document text', () => {
  it('refuses an event whose officer name carries markup or emoji', async () => {
    const markup = withdrawal(1, GENESIS_HASH, '<img src=x onerror=alert(1)>');
    const emoji = withdrawal(2, eventHash(markup), '李强😀');
    const batch = signBatch({ v: PROTOCOL_VERSION, id: ulid(), from: A, to: B, createdAt: new Date().toISOString(), events: [markup, emoji] }, demoStationKey(A).secretKey);
    await receiveBatch(b, batch, 'exchange');
    const refused = await refusedTable(b.database).toArray();
    expect(refused.map((r) => [r.eventId, r.reason])).toEqual([
      [markup.id, 'invalidPayload'],
      [emoji.id, 'invalidPayload'],
    ]);
  });
});
