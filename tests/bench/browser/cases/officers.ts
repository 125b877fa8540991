import Dexie from 'dexie';
import { auditCsv } from '@shared/audit/csv';
import { developmentStation } from '@shared/domain/dev-station';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase, db } from '@renderer/platform/db/connection';
import { AUDIT_TABLE, appendAudit, auditTable } from '@renderer/platform/audit/audit-log';
import { verifyAuditTrail } from '@renderer/platform/audit/trail';
import { hashPassword } from '@renderer/platform/session/password-hash';
import { authenticate } from '@renderer/platform/session/sign-in';
import { DEMO_PASSWORD, loadDemoOfficers } from '@renderer/app/demo/demo-officers';
import { percentile, sample, type BenchCase } from '../../lib';

const TRAIL = 10_000;

async function fresh(): Promise<void> {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
}

/** Sign-in cost (PBKDF2 is slow on purpose: it should stay well under a second) and audit-trail throughput. */
export const cases: BenchCase[] = [
  {
    name: 'officers',
    async run() {
      await fresh();
      const hashMs = await sample(5, () => hashPassword('Station#2026'));
      await loadDemoOfficers();
      const signInMs = await sample(5, () => authenticate(developmentStation, '000001', DEMO_PASSWORD));

      const appendStart = performance.now();
      for (let i = 0; i < 500; i += 1) await appendAudit({ station: developmentStation.code, officer: '310000:000001', action: 'person.view', object: `p${i}`, result: 'success' });
      const appendSeconds = (performance.now() - appendStart) / 1000;
      // A long trail, appended in one transaction per 1000 (what a busy half year looks like, roughly).
      for (let done = 510; done < TRAIL; done += 1000) {
        await db().transaction('rw', AUDIT_TABLE, async () => {
          for (let i = 0; i < 1000; i += 1) await appendAudit({ station: developmentStation.code, officer: '310000:000001', action: 'person.update', object: `p${done + i}`, result: 'success', detail: '变更登记' });
        });
      }
      const total = await auditTable().count();
      const verifyStart = performance.now();
      const verified = await verifyAuditTrail();
      const verifyMs = performance.now() - verifyStart;
      if (verified.break) throw new Error(`bench trail broken at ${verified.break.seq}`);
      const csvStart = performance.now();
      auditCsv(await auditTable().orderBy('seq').toArray(), { seq: 'seq', at: 'at', station: 's', officer: 'o', action: 'a', object: 'o', result: 'r', detail: 'd', prevHash: 'p', hash: 'h' });
      const csvMs = performance.now() - csvStart;
      await fresh();
      return [
        { name: 'officers.pbkdf2_hash_p50_ms', value: percentile(hashMs, 50), unit: 'ms' },
        { name: 'officers.sign_in_p50_ms', value: percentile(signInMs, 50), unit: 'ms' },
        { name: 'officers.audit_append_per_s', value: 500 / appendSeconds, unit: 'entries/s' },
        { name: 'officers.audit_verify_ms', value: verifyMs, unit: `ms/${total}` },
        { name: 'officers.audit_csv_ms', value: csvMs, unit: `ms/${total}` },
      ];
    },
  },
];
