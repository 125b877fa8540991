import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STATIONS, demoStationKey } from '@shared/demo/demo-network';
import { documentKey, signRevocation, type StatementInput } from '@shared/documents';
import { beijingDate } from '@shared/domain/beijing-time';
import { auditTable } from '@renderer/platform/audit/audit-log';
import { combineAppliers } from '@renderer/sync/appliers';
import { exportBundle, importBundle } from '@renderer/sync/bundle-io';
import { EventNotAuthorizedError, type IncomingEvent } from '@renderer/sync/contract';
import { appliers as syncAppliers } from '@renderer/features/sync/sync-appliers';
import { appliers as documentAppliers } from '@renderer/features/documents/sync-appliers';
import { documentQr, documentQrText, revocationOf, revokeDocument, verifyScanned } from '@renderer/features/documents/service';
import { revocationsTable } from '@renderer/features/documents/tables';
import { qrSymbol } from '@renderer/features/documents/qr-code';
import { QR_SPEC } from '@shared/documents';
import { closeStation, openStation, type TestStation } from '../sync/helpers';

/** 乍浦 issues, 吕巷 verifies (the issue's pair); 姚庄 is a third neighbour. */
const ZHAPU = DEMO_STATIONS.zhapu;
const LVXIANG = DEMO_STATIONS.lvxiang;
const YAOZHUANG = DEMO_STATIONS.yaozhuang;
const ZHAPU_OFFICER = '330000:000004';
const LVXIANG_OFFICER = '310000:000004';
const appliers = combineAppliers([syncAppliers, documentAppliers]);
let zhapu: TestStation;
let lvxiang: TestStation;

const inDays = (days: number): string => beijingDate(Date.now() + days * 86_400_000);

function certificate(number: string, validUntil = inDays(90), issueDate = inDays(0)): StatementInput {
  return {
    type: 'recordsCertificate',
    number,
    issuingStation: ZHAPU,
    officer: '000004',
    issueDate,
    validUntil,
    matter: 'sameperson',
    subject: { name: '张山', idNumber: '330482199001010010' },
    detail: '张三',
  };
}

async function carry(from: TestStation, to: TestStation): Promise<void> {
  const { bytes } = await exportBundle(from.database, [to.code]);
  await importBundle(to, bytes);
}

beforeEach(async () => {
  zhapu = await openStation(ZHAPU, appliers);
  lvxiang = await openStation(LVXIANG, appliers);
});
afterEach(async () => {
  await closeStation(zhapu);
  await closeStation(lvxiang);
});

describe('documents at the station (issue #18)', () => {
  it('a code printed at 乍浦 verifies as genuine at 吕巷 with its facts, and the check is audited there', async () => {
    const text = await documentQrText(certificate(`${ZHAPU}-2026-00017`), zhapu.database);
    const checked = await verifyScanned(text, LVXIANG_OFFICER, lvxiang.database);
    expect(checked.verification.verdict).toBe('genuine');
    expect(checked.verification.statement).toMatchObject({ number: `${ZHAPU}-2026-00017`, subject: { name: '张山', idLast4: '0010' } });
    expect(checked.verification.issuer?.code).toBe(ZHAPU);
    expect(checked.self).toBe(false);
    const trail = await auditTable(lvxiang.database).toArray();
    expect(trail.at(-1)).toMatchObject({ action: 'document.verify', officer: LVXIANG_OFFICER, object: ZHAPU, result: 'success' });
    expect(trail.at(-1)?.detail).toContain(`genuine ${ZHAPU}:recordsCertificate:${ZHAPU}-2026-00017`);
  });

  it('a document whose facts fail the statement schema is reported with the fields at fault, not silently left without a code', async () => {
    const bad = { ...certificate(`${ZHAPU}-2026-00018`), subject: { name: '张山', idNumber: 'not-an-id' } };
    const outcome = await documentQr(bad, zhapu.database);
    expect(outcome.kind).toBe('invalid');
    expect(outcome.kind === 'invalid' ? outcome.fields : []).toEqual(['subject.idNumber']);
    const good = await documentQr(certificate(`${ZHAPU}-2026-00019`), zhapu.database);
    expect(good.kind).toBe('drawn');
  });

  it('an altered code verifies as altered and is audited as a failure; an expired one as expired', async () => {
    const text = await documentQrText(certificate(`${ZHAPU}-2026-00018`), zhapu.database);
    // One character of the base45 body changed (not the prefix).
    const i = 20;
    const altered = text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1);
    const checked = await verifyScanned(altered, LVXIANG_OFFICER, lvxiang.database);
    expect(checked.verification.verdict).toBe('altered');
    expect((await auditTable(lvxiang.database).toArray()).at(-1)).toMatchObject({ action: 'document.verify', result: 'failure' });
    const old = await documentQrText(certificate(`${ZHAPU}-2026-00019`, inDays(-1), inDays(-30)), zhapu.database);
    expect((await verifyScanned(old, LVXIANG_OFFICER, lvxiang.database)).verification.verdict).toBe('expired');
  });

  it('a revocation at 乍浦 reaches 吕巷 through sync and the same code then verifies as revoked', async () => {
    const number = `${ZHAPU}-2026-00020`;
    const text = await documentQrText(certificate(number), zhapu.database);
    await revokeDocument({ type: 'recordsCertificate', number, reason: 'issuedInError' }, ZHAPU_OFFICER, zhapu.database);
    expect(await revocationOf('recordsCertificate', number, zhapu.database)).toBe('issuedInError');
    expect((await verifyScanned(text, ZHAPU_OFFICER, zhapu.database)).verification.verdict).toBe('revoked');
    expect((await verifyScanned(text, LVXIANG_OFFICER, lvxiang.database)).verification.verdict).toBe('genuine');
    await carry(zhapu, lvxiang);
    const checked = await verifyScanned(text, LVXIANG_OFFICER, lvxiang.database);
    expect(checked.verification.verdict).toBe('revoked');
    expect(checked.verification.revocation).toMatchObject({ reason: 'issuedInError', officer: ZHAPU_OFFICER });
    const revokedEntry = (await auditTable(zhapu.database).toArray()).find((e) => e.action === 'document.revoke');
    expect(revokedEntry).toMatchObject({ object: documentKey({ issuingStation: ZHAPU, type: 'recordsCertificate', number }), detail: 'issuedInError' });
  });

  it('revoking twice keeps the first revocation', async () => {
    const number = `${ZHAPU}-2026-00021`;
    await revokeDocument({ type: 'recordsCertificate', number, reason: 'lost' }, ZHAPU_OFFICER, zhapu.database);
    await revokeDocument({ type: 'recordsCertificate', number, reason: 'other' }, ZHAPU_OFFICER, zhapu.database);
    expect(await revocationOf('recordsCertificate', number, zhapu.database)).toBe('lost');
    expect(await revocationsTable(zhapu.database).count()).toBe(1);
  });

  it('refuses a revocation sent by a station other than the issuer, or with a signature that does not verify', async () => {
    const number = `${ZHAPU}-2026-00022`;
    const key = documentKey({ issuingStation: ZHAPU, type: 'recordsCertificate', number });
    const content = { documentType: 'recordsCertificate' as const, number, issuingStation: ZHAPU, reason: 'other' as const, revokedAt: new Date().toISOString(), officer: ZHAPU_OFFICER };
    const apply = documentAppliers.appliers['documents.revoked'];
    if (!apply) throw new Error('no applier for documents.revoked');
    const event = (author: string, payload: unknown): IncomingEvent => ({ id: 'e1', type: 'documents.revoked', aggregateId: key, authorStation: author, authorOfficer: ZHAPU_OFFICER, hlc: '0', payload });
    const run = (e: IncomingEvent) => lvxiang.database.transaction('rw', documentAppliers.tables, (tx) => apply(e, tx));
    // 姚庄 forwarding (or forging) 乍浦's revocation, even one genuinely signed by 乍浦: only the issuer revokes.
    const genuine = signRevocation(content, demoStationKey(ZHAPU).secretKey);
    await expect(run(event(YAOZHUANG, genuine))).rejects.toBeInstanceOf(EventNotAuthorizedError);
    // From 乍浦, but signed with another station's key.
    const forged = signRevocation(content, demoStationKey(YAOZHUANG).secretKey);
    await expect(run(event(ZHAPU, forged))).rejects.toBeInstanceOf(EventNotAuthorizedError);
    expect(await revocationsTable(lvxiang.database).count()).toBe(0);
    await run(event(ZHAPU, genuine));
    expect(await revocationsTable(lvxiang.database).count()).toBe(1);
  });

  it('draws the QR symbol at error level M within the version docs/verify.md promises, 25 mm wide', async () => {
    const text = await documentQrText(certificate(`${ZHAPU}-2026-00023`), zhapu.database);
    const symbol = qrSymbol(text);
    expect(symbol.version).toBeLessThanOrEqual(QR_SPEC.maxVersion);
    expect(symbol.size).toBe(17 + 4 * symbol.version + 2 * QR_SPEC.quietZoneModules);
    expect(symbol.widthMm).toBeGreaterThan(QR_SPEC.printSizeMm);
    expect(symbol.path.split('z').length - 1).toBeGreaterThan(100);
  });
});
