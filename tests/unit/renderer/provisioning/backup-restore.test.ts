import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bridgeMethods, type HostBridge } from '@shared/bridge/contract';
import { verifyChain, type AuditEntry } from '@shared/audit/chain';
import { fromBase64, toBase64 } from '@shared/bytes';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase, db } from '@renderer/platform/db/connection';
import { installHost } from '@renderer/platform/host/client';
import { appendAudit, auditTable } from '@renderer/platform/audit/audit-log';
import { applyPackage, loadProtectedStationKey, openPackage, protectedStationKeyMeta, readPackage } from '@renderer/features/provisioning/provisioning';
import { storedStationIdentity } from '@renderer/platform/station/identity';
import { holdUnlockedStationKey, signingStation } from '@renderer/platform/station/signing-key';
import { BackupError, STAGING_DATABASE, openBackup, restoreStation, sealBackup, snapshotStation } from '@renderer/features/provisioning/backup';
import { FAST_N, ZHENDIAN, makeOffice, type OfficeFixture } from './office-fixture';

/** "OS protection" that differs per PC, as DPAPI does: a blob from one PC does not open on another. */
let pcName = 'old-pc';
function fakeOsHost(): HostBridge {
  const reply = (value: unknown) => Promise.resolve({ ok: true as const, value });
  const methods = Object.fromEntries(bridgeMethods.map((m) => [m, () => Promise.reject(new Error(`unexpected ${m}`))]));
  return {
    ...methods,
    'secrets.protect': (args: { plaintext: Uint8Array }) =>
      reply({ scheme: 'os-protected', blob: new Uint8Array(Buffer.from(`${pcName}:${Buffer.from(args.plaintext).toString('base64')}`)) }),
    'secrets.unprotect': (args: { blob: Uint8Array }) => {
      const [pc, secret = ''] = Buffer.from(args.blob).toString().split(':');
      return pc === pcName
        ? reply({ plaintext: new Uint8Array(Buffer.from(secret, 'base64')) })
        : Promise.resolve({ ok: false, error: { code: 'HOST_ERROR', message: 'DPAPI: wrong machine' } });
    },
  } as unknown as HostBridge;
}

const PASS = '备份口令 backup passphrase';
let office: OfficeFixture;

beforeAll(async () => {
  office = await makeOffice();
});
afterAll(() => office.dispose());
beforeEach(() => {
  pcName = 'old-pc';
  installHost(fakeOsHost());
});
afterEach(async () => {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
});

/** A station with a bit of everything: provisioned identity and key, officers, residents with dates and bytes, sync rows. */
async function populate(): Promise<void> {
  const exported = await office.exportFor(ZHENDIAN);
  await applyPackage(await openPackage(readPackage(exported.text), exported.passphrase), { actor: 'installer' });
  await db().table('officers').bulkAdd([
    { key: '310000:100001', province: '310000', policeNumber: '100001', name: '王建国', roles: ['stationAdmin'], disabled: false, failedAttempts: 0, lockedUntil: null },
    { key: '310000:100002', province: '310000', policeNumber: '100002', name: '李娜', roles: ['window'], disabled: false, failedAttempts: 2, lockedUntil: null },
  ]);
  await db().table('persons').bulkAdd(
    Array.from({ length: 50 }, (_, i) => ({
      id: `p${i}`,
      householdId: `h${i % 7}`,
      idNumber: '11010519491231002X',
      name: `居民${i}`,
      sortKey: `jumin${i}`,
      py: ['jm', `jumin${i}`],
      registeredAt: new Date(Date.UTC(2020, 0, 1 + i)),
      photo: Uint8Array.from([i, 255, 0, 7]),
      note: i % 3 === 0 ? undefined : '备注 "quoted" \u2028 line',
      nested: { $yrd: 'looks like a tag', deep: [null, true, 1.5] },
    })),
  );
  await db().table('syncOutbox').bulkAdd([
    { peer: '330421520000', seq: 1, batch: { id: 'b1' } },
    { peer: '330421520000', seq: 2, batch: { id: 'b2' } },
  ]);
  for (const action of ['person.create', 'person.update']) {
    await appendAudit({ station: ZHENDIAN, officer: '310000:100002', action, object: 'p1', result: 'success' });
  }
}

async function everything(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db().tables) out[table.name] = await table.toArray();
  return out;
}

const withoutKeyRow = (rows: unknown[] | undefined) => (rows ?? []).filter((r) => (r as { key: string }).key !== protectedStationKeyMeta.name);

describe('station backup and restore', () => {
  it('round-trips the whole station into an empty one on a new PC, exactly', async () => {
    await populate();
    const key = await loadProtectedStationKey();
    const text = await sealBackup(await snapshotStation('310000:100001'), PASS, FAST_N);
    const before = await everything();
    expect(text).not.toContain('居民');
    expect(text).not.toContain(key?.secretKey ?? 'no key');

    // The replacement PC: an empty database, another machine's OS protection.
    closeDatabase();
    await Dexie.delete(DATABASE_NAME);
    holdUnlockedStationKey(db(), null);
    pcName = 'new-pc';
    const report = await restoreStation(await openBackup(text, PASS), { actor: 'installer', firstRun: true });
    expect(report.station?.code).toBe(ZHENDIAN);

    const after = await everything();
    for (const name of Object.keys(before)) {
      if (name === 'audit' || name === 'meta' || name === 'syncHeads') continue;
      expect(after[name], name).toEqual(before[name]);
    }
    // Sync streams wait for the neighbours' cursors before the restored station writes to them (renderer/sync/restore.ts).
    const heads = after['syncHeads'] as { peer: string; unconfirmed?: boolean }[];
    expect(heads.length).toBeGreaterThan(0);
    expect(heads.every((h) => h.unconfirmed)).toBe(true);
    expect(withoutKeyRow(after['meta'])).toEqual(withoutKeyRow(before['meta']));
    const persons = after['persons'] as { registeredAt: Date; photo: Uint8Array }[];
    expect(persons[3]?.registeredAt).toBeInstanceOf(Date);
    expect(persons[3]?.photo).toBeInstanceOf(Uint8Array);
    // The audit trail is the old one plus the restore, and the chain still verifies.
    const audit = after['audit'] as AuditEntry[];
    expect(audit.slice(0, -1)).toEqual(before['audit']);
    expect(audit.at(-2)).toMatchObject({ action: 'station.backup', officer: '310000:100001' });
    expect(audit.at(-1)).toMatchObject({ action: 'station.restore', officer: 'installer', result: 'success' });
    expect(verifyChain(audit)).toBeNull();
    // The station key works on the new PC (re-protected there), and is the same key.
    expect((await loadProtectedStationKey())?.publicKey).toBe(key?.publicKey);
    expect((await signingStation()).key.publicKey).toBe(key?.publicKey);
    expect(await Dexie.exists(STAGING_DATABASE)).toBe(false);
  });

  it('restoring an older backup over this station keeps every audit entry made since (no erasing by restore)', async () => {
    await populate();
    const backup = await openBackup(await sealBackup(await snapshotStation('310000:100001'), PASS, FAST_N), PASS);
    await db().table('persons').clear();
    await appendAudit({ station: ZHENDIAN, officer: '310000:100002', action: 'person.update', object: 'p9', result: 'success', detail: 'after the backup' });
    const trailBefore = await auditTable().orderBy('seq').toArray();

    await restoreStation(backup, { actor: '310000:100001' });
    expect(await db().table('persons').count()).toBe(50);
    const audit = await auditTable().orderBy('seq').toArray();
    expect(audit.slice(0, -1)).toEqual(trailBefore);
    expect(audit.at(-1)).toMatchObject({ action: 'station.restore', officer: '310000:100001' });
    expect(verifyChain(audit)).toBeNull();
  });

  it('refuses a wrong passphrase and a damaged file with distinct reasons, leaving the data untouched', async () => {
    await populate();
    const text = await sealBackup(await snapshotStation('310000:100001'), PASS, FAST_N);
    await db().table('persons').put({ id: 'new', householdId: 'h1', idNumber: '', name: '备份之后', sortKey: 'x', py: [] });
    const before = await everything();

    const codeOf = async (attempt: () => Promise<unknown>) => attempt().then(() => 'accepted', (e: unknown) => (e instanceof BackupError ? e.code : String(e)));
    expect(await codeOf(() => openBackup(text, 'wrong passphrase'))).toBe('wrongPassphrase');
    const envelope = JSON.parse(text) as { ciphertext: string };
    const bytes = fromBase64(envelope.ciphertext);
    bytes[100] = (bytes[100] ?? 0) ^ 0x40;
    expect(await codeOf(() => openBackup(JSON.stringify({ ...envelope, ciphertext: toBase64(bytes) }), PASS))).toBe('damaged');
    expect(await codeOf(() => openBackup(text.slice(0, text.length / 2), PASS))).toBe('malformed');
    expect(await codeOf(() => openBackup('{"format":"something else"}', PASS))).toBe('malformed');
    expect(await everything()).toEqual(before);
  });

  it('on the first-run screen, refuses to overwrite a station that already has officers', async () => {
    await populate();
    const backup = await openBackup(await sealBackup(await snapshotStation('310000:100001'), PASS, FAST_N), PASS);
    await db().table('persons').clear();
    const before = await everything();
    await expect(restoreStation(backup, { actor: 'installer', firstRun: true })).rejects.toMatchObject({ code: 'notEmpty' });
    expect(await everything()).toEqual(before);
  });

  it('a backup whose rows cannot be loaded fails in staging, and the live station is untouched', async () => {
    await populate();
    const backup = await snapshotStation('310000:100001');
    const clash = [
      { id: 'c1', number: '沪证-0001', personId: 'p1', issuedAt: '2026-01-01' },
      { id: 'c2', number: '沪证-0001', personId: 'p2', issuedAt: '2026-01-02' },
    ];
    const broken = { ...backup, tables: backup.tables.map((t) => (t.name === 'certificates' ? { ...t, rows: clash } : t)) };
    const opened = await openBackup(await sealBackup(broken, PASS, FAST_N), PASS);
    const before = await everything();
    await expect(restoreStation(opened, { actor: '310000:100001' })).rejects.toMatchObject({ code: 'damaged' });
    expect(await everything()).toEqual(before);
    expect(await Dexie.exists(STAGING_DATABASE)).toBe(false);
  });

  it('refuses a backup from a newer version of the app', async () => {
    await populate();
    const backup = await snapshotStation('310000:100001');
    const text = await sealBackup({ ...backup, schemaVersion: backup.schemaVersion + 1 }, PASS, FAST_N);
    await expect(openBackup(text, PASS)).rejects.toMatchObject({ code: 'newerSchema' });
  });

  it('restores a backup made by an older version through the schema upgrades', async () => {
    await populate();
    const backup = await snapshotStation('310000:100001');
    const old = { ...backup, schemaVersion: 2, tables: backup.tables.filter((t) => t.name === 'meta' || t.name === 'audit') };
    const restored = await openBackup(await sealBackup(old, PASS, FAST_N), PASS);
    await restoreStation(restored, { actor: '310000:100001' });
    expect(await db().table('persons').count()).toBe(0);
    expect(await storedStationIdentity()).toMatchObject({ code: ZHENDIAN });
    expect(verifyChain(await auditTable().toArray())).toBeNull();
  });
});
