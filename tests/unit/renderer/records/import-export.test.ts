import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guessMapping } from '@shared/domain/resident/import/columns';
import { bridgeMethods, type HostBridge } from '@shared/bridge/contract';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase, db } from '@renderer/platform/db/connection';
import { auditTable } from '@renderer/platform/audit/audit-log';
import { installHost } from '@renderer/platform/host/client';
import { PermissionDeniedError, useSessionStore } from '@renderer/platform/session/store';
import { useRecordsImportStore } from '@renderer/features/records/import/import-store';
import { inspectFile, runImport, type ImportWorkerPort } from '@renderer/features/records/import/import-runner';
import { createImportHandler } from '@renderer/features/records/import/worker-handler';
import { RecordsRuleError } from '@renderer/features/records/errors';
import { exportHeaders } from '@renderer/features/records/import/export-register';
import { EXPORT_HEADERS, exportRows, gbkCsv, nth } from '../../../support/register-export';

const officer = { province: '310000' as const, policeNumber: '010203', name: '李警官' };
const context = { divisionCode: '310118', today: '2026-12-02' };
const saved: { name: string; content: string }[] = [];

function port(): ImportWorkerPort {
  let listener: (message: unknown) => void = () => undefined;
  const handle = createImportHandler((message) => queueMicrotask(() => listener(structuredClone(message))));
  return { post: (message) => handle(message), onMessage: (l) => (listener = l), terminate: () => undefined };
}

async function importBytes(bytes: Uint8Array, name: string) {
  const file = new File([bytes.slice()], name);
  const inspected = await inspectFile(file, port());
  return runImport({ file, inspected, mapping: guessMapping(inspected.headers), actor: { officer, stationCode: '310116520000' }, context, port: port() });
}

beforeEach(() => {
  setActivePinia(createPinia());
  saved.length = 0;
  const methods = Object.fromEntries(bridgeMethods.map((m) => [m, () => Promise.reject(new Error(`unexpected ${m}`))]));
  installHost({
    ...methods,
    'file.saveAs': (args: { suggestedName: string; content: string }) => {
      saved.push({ name: args.suggestedName, content: args.content });
      return Promise.resolve({ ok: true, value: { outcome: 'saved', path: `/tmp/${args.suggestedName}` } });
    },
  } as unknown as HostBridge);
});

afterEach(async () => {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
});

describe('export of the register', () => {
  const rows = exportRows(9);

  it('is masked by default, full only with a reason, each audited with the file digest; a full export imports back unchanged', async () => {
    await db().open();
    await importBytes(gbkCsv(rows), 'a.csv');
    useSessionStore().setOfficer({ ref: officer, roles: ['window'] });
    const store = useRecordsImportStore();

    await store.exportRegister(false, '');
    const masked = nth(saved, 0).content;
    const header = masked.replace(/^\uFEFF/, '').split('\r\n')[0]?.split(',') ?? [];
    expect(header).toEqual(exportHeaders());
    for (const column of EXPORT_HEADERS) expect(header).toContain(column);
    expect(masked).not.toContain(nth(nth(rows, 0), 8));
    expect(masked).toContain(`${nth(nth(rows, 0), 8).slice(0, 4)}**********${nth(nth(rows, 0), 8).slice(-4)}`);

    await expect(store.exportRegister(true, ' ')).rejects.toBeInstanceOf(RecordsRuleError);
    await store.exportRegister(true, '移交分局核对');
    const full = nth(saved, 1).content;
    for (const row of rows) expect(full).toContain(nth(row, 8));

    const entries = (await auditTable().toArray()).filter((a) => a.action === 'person.export');
    expect(entries.map((e) => e.detail.split(' ')[0])).toEqual(['masked', 'full']);
    expect(nth(entries, 1).detail).toMatch(/^full reason=移交分局核对 file=\S+\.csv sha256=[0-9a-f]{64} rows=9$/);

    const again = await importBytes(new TextEncoder().encode(full), 'export.csv');
    expect(again.counts).toMatchObject({ read: 9, imported: 0, updated: 0, unchanged: 9, refused: 0 });
  });

  it('is refused, and audited as refused, for an officer who may not export or import', async () => {
    await db().open();
    useSessionStore().setOfficer({ ref: officer, roles: ['approver'] });
    const store = useRecordsImportStore();
    await expect(store.exportRegister(false, '')).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(store.choose()).rejects.toBeInstanceOf(PermissionDeniedError);
    const refused = (await auditTable().toArray()).filter((a) => a.result !== 'success').map((a) => a.action);
    expect(refused).toEqual(['person.export', 'person.import']);
  });
});
