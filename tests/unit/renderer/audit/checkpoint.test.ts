import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STATIONS } from '@shared/demo/demo-network';
import { chainEntry, type AuditEntry } from '@shared/audit/chain';
import { auditMacKey, withMac } from '@shared/audit/entry-mac';
import { buildCheckpoint, signCheckpoint, signHeld, verifyCheckpoint, verifyHeld } from '@shared/audit/checkpoint';
import { generateKeyPair } from '@shared/sync/keys';
import { AUDIT_TABLE, appendAuditIn, auditTable } from '@renderer/platform/audit/audit-log';
import { signingStation } from '@renderer/platform/station';
import { combineAppliers } from '@renderer/sync/appliers';
import { exportBundle, importBundle } from '@renderer/sync/bundle-io';
import { EventNotAuthorizedError, type IncomingEvent } from '@renderer/sync/contract';
import { appliers as syncAppliers } from '@renderer/features/sync/sync-appliers';
import { appliers as auditAppliers } from '@renderer/features/audit/sync-appliers';
import { sendAuditCheckpoint } from '@renderer/features/audit/checkpoints';
import { checkAgainstCheckpoints } from '@renderer/features/audit/checkpoint-check';
import { ackId, checkpointsTable, rowsOfKind } from '@renderer/features/audit/checkpoint-table';
import { OFFICER, appendEventInOwnTransaction, closeStation, openStation, type TestStation } from '../sync/helpers';

const A = DEMO_STATIONS.lvxiang;
const B = DEMO_STATIONS.zhapu;
const C = DEMO_STATIONS.yaozhuang;
const appliers = combineAppliers([syncAppliers, auditAppliers]);
let a: TestStation;
let b: TestStation;

beforeEach(async () => {
  a = await openStation(A, appliers);
  b = await openStation(B, appliers);
});
afterEach(async () => {
  await closeStation(a);
  await closeStation(b);
});

async function write(station: TestStation, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    await station.database.transaction('rw', [AUDIT_TABLE, 'meta'], (tx) =>
      appendAuditIn(tx, { station: station.code, officer: OFFICER, action: 'person.view', object: `p${i}`, result: 'success' }),
    );
  }
}

/** Carries what `from` has pending for `to` in a bundle file, as a USB stick would. */
async function carry(from: TestStation, to: TestStation): Promise<void> {
  const { bytes } = await exportBundle(from.database, [to.code]);
  await importBundle(to, bytes);
}

/** A sends a checkpoint, B holds it and acknowledges it, the acknowledgement comes back to A. */
async function checkpointAcknowledged(): Promise<number> {
  const sent = await sendAuditCheckpoint(OFFICER, a.database);
  if (!sent) throw new Error('no checkpoint sent');
  await carry(a, b);
  await carry(b, a);
  return sent.seq;
}

/** What a forger at A's PC can do with A's key: edit entry `seq`, re-chain and re-authenticate everything after it. */
async function rewriteFrom(station: TestStation, seq: number): Promise<void> {
  const key = auditMacKey((await signingStation(station.database)).key);
  const rows = await auditTable(station.database).orderBy('seq').toArray();
  let prev: AuditEntry | null = rows[seq - 1] ?? null;
  for (const row of rows.slice(seq)) {
    const { hash: _h, prevHash: _p, mac: _m, ...content } = row;
    const edited = row.seq === seq ? { ...content, object: 'forged' } : content;
    prev = withMac(chainEntry(edited, prev), key);
    await auditTable(station.database).put(prev);
  }
}

describe('audit checkpoints held by a neighbour', () => {
  it('signs a checkpoint and an acknowledgement that verify, and fail once altered', () => {
    const keys = generateKeyPair();
    const other = generateKeyPair();
    const entries = [0, 1, 2].map((seq) => ({ seq, hash: String(seq).repeat(64) }) as AuditEntry);
    const signed = signCheckpoint(buildCheckpoint(A, entries, new Date().toISOString()), keys.secretKey);
    expect(verifyCheckpoint(signed, keys.publicKey)).toBe(true);
    expect(verifyCheckpoint(signed, other.publicKey)).toBe(false);
    expect(verifyCheckpoint({ ...signed, checkpoint: { ...signed.checkpoint, seq: 3 } }, keys.publicKey)).toBe(false);
    const held = signHeld(signed, B, new Date().toISOString(), other.secretKey);
    expect(verifyHeld(held, other.publicKey)).toBe(true);
    expect(verifyHeld({ ...held, held: { ...held.held, headHash: 'f'.repeat(64) } }, other.publicKey)).toBe(false);
  });

  it('reports an untouched trail as matching what the neighbour acknowledged, and who holds it', async () => {
    await write(a, 12);
    const seq = await checkpointAcknowledged();
    expect(seq).toBe(11);
    const status = await checkAgainstCheckpoints(a.database);
    expect(status.break).toBeNull();
    expect(status.lastSent?.seq).toBe(11);
    expect(status.lastSent?.sentTo).toContain(B);
    expect(status.lastAcknowledged?.checkpoint.seq).toBe(11);
    expect(status.lastAcknowledged?.holders.map((h) => h.station)).toEqual([B]);
    expect(await rowsOfKind(b.database, 'held')).toHaveLength(1);
  });

  it('finds an entry edited and re-chained (with the key, anchor moved) at its seq', async () => {
    await write(a, 12);
    await checkpointAcknowledged();
    await rewriteFrom(a, 5);
    expect((await checkAgainstCheckpoints(a.database)).break).toEqual({ seq: 5, reason: 'rewritten', checkpointSeq: 11 });
  });

  it('finds the newest entries cut off behind a checkpoint', async () => {
    await write(a, 12);
    await checkpointAcknowledged();
    await auditTable(a.database).where('seq').above(8).delete();
    expect((await checkAgainstCheckpoints(a.database)).break).toEqual({ seq: 9, reason: 'missing', checkpointSeq: 11 });
  });

  it('locates an edit between two checkpoints with the later one, and sends nothing when there is nothing new', async () => {
    await write(a, 5);
    await checkpointAcknowledged();
    await write(a, 5);
    const second = await checkpointAcknowledged();
    expect(await sendAuditCheckpoint(OFFICER, a.database)).toBeNull();
    await rewriteFrom(a, second - 2);
    expect((await checkAgainstCheckpoints(a.database)).break).toEqual({ seq: second - 2, reason: 'rewritten', checkpointSeq: second });
  });

  it('does not count an acknowledgement planted on the PC', async () => {
    await write(a, 4);
    const seq = await checkpointAcknowledged();
    const [sent] = await rowsOfKind(a.database, 'sent');
    if (!sent) throw new Error('no sent row');
    const forger = generateKeyPair();
    const planted = signHeld(sent.signed, C, new Date().toISOString(), forger.secretKey);
    await checkpointsTable(a.database).put({ id: ackId(seq, C), kind: 'ack', seq, station: C, signed: planted, at: planted.held.heldAt });
    const status = await checkAgainstCheckpoints(a.database);
    expect(status.refused).toBe(1);
    expect(status.lastAcknowledged?.holders.map((h) => h.station)).toEqual([B]);
  });

  it("refuses a neighbour's forged checkpoint: another station's, or not signed by its author", async () => {
    const entries = [{ seq: 0, hash: 'a'.repeat(64) } as AuditEntry];
    const bKey = (await signingStation(b.database)).key;
    const othersCheckpoint = signCheckpoint(buildCheckpoint(C, entries, new Date().toISOString()), bKey.secretKey);
    const badlySigned = signCheckpoint(buildCheckpoint(B, entries, new Date().toISOString()), generateKeyPair().secretKey);
    const apply = auditAppliers.appliers['audit.checkpoint'];
    if (!apply) throw new Error('no applier');
    const event = (aggregateId: string, payload: unknown): IncomingEvent => ({ id: aggregateId, type: 'audit.checkpoint', aggregateId, authorStation: B, authorOfficer: OFFICER, hlc: '', payload });
    for (const [aggregateId, payload] of [[`${C}:0`, othersCheckpoint], [`${B}:0`, badlySigned]] as const) {
      await expect(a.database.transaction('rw', appliers.tables, (tx) => apply(event(aggregateId, payload), tx))).rejects.toBeInstanceOf(EventNotAuthorizedError);
    }
    // Through the real path too (a bundle from B): nothing is held, nothing acknowledged.
    await appendEventInOwnTransaction({ type: 'audit.checkpoint', aggregateId: `${C}:0`, recipients: [A], payload: othersCheckpoint, officer: OFFICER }, [], b.database);
    await carry(b, a);
    expect(await rowsOfKind(a.database, 'held')).toHaveLength(0);
    expect(await exportBundle(a.database, [B])).toMatchObject({ events: 0 });
  });
});
