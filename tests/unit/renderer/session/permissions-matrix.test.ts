import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roles, type Role } from '@shared/domain/officer';
import { actions, type Action } from '@shared/domain/permissions';
import { PermissionDeniedError, useSessionStore } from '@renderer/platform/session/store';
import { auditEntries, freshState } from './helpers';

beforeEach(freshState);
afterEach(freshState);

/**
 * The role × action matrix as the issue and the brief describe it, written out independently of permissions.ts:
 * W window 窗口民警, A approver 人口办审批, P patrol lead 巡逻带班, S station admin 所管理员, U auditor 审计员.
 */
const expected: Record<Action, string> = {
  'person.view': 'WAP',
  'person.create': 'W',
  'person.update': 'W',
  'person.move': 'W',
  'person.reveal': 'WA',
  'household.create': 'W',
  'household.update': 'W',
  'certificate.issue': 'W',
  'person.import': 'W',
  'person.export': 'W',
  'demo.load': 'S',
  // 文书核验 — anyone at the station who meets a paper may check it; revoking is for those who issue
  'document.verify': 'WAPU',
  'document.revoke': 'WA',
  'migration.view': 'WA',
  'migration.intake': 'W',
  'migration.withdraw': 'W',
  'migration.approve': 'A',
  'migration.reject': 'A',
  'migration.issueCertificate': 'W',
  'migration.return': 'W',
  'migration.settle': 'W',
  'patrol.view': 'WP',
  'patrol.edit': 'P',
  'patrol.confirm': 'P',
  'patrol.export': 'P',
  // 协查: any officer on duty raises and answers; closing and forwarding are the duty leader's
  'assist.view': 'WAP',
  'assist.raise': 'WAP',
  'assist.answer': 'WAP',
  'assist.lead': 'AP',
  'sync.now': 'WAPS',
  'sync.bundle': 'WPS',
  'sync.resolveConflict': 'WAP',
  'sync.configure': 'S',
  'officer.manage': 'S',
  'audit.view': 'U',
  'audit.verify': 'U',
  'audit.export': 'U',
  'station.provision': 'S',
  'station.backup': 'S',
  'station.restore': 'S',
};
const letter: Record<Role, string> = { window: 'W', approver: 'A', patrolLead: 'P', stationAdmin: 'S', auditor: 'U' };

describe('role × action matrix', () => {
  it('covers every protected action', () => {
    expect(Object.keys(expected).sort()).toEqual([...actions].sort());
  });

  it('separates duties: the admin never touches the trail or records; the auditor only reads the trail', () => {
    for (const action of actions) {
      if (action.startsWith('audit.')) expect(expected[action]).toBe('U');
      if (/^(person|household|certificate|migration|patrol)\./.test(action)) expect(expected[action]).not.toMatch(/[SU]/);
    }
  });

  for (const role of roles) {
    it(`enforces every action for ${role} in the store, auditing each refusal`, async () => {
      const session = useSessionStore();
      session.setOfficer({ ref: { province: '310000', policeNumber: '100001', name: '测试' }, roles: [role] });
      const refused: Action[] = [];
      for (const action of actions) {
        const allowed = expected[action].includes(letter[role]);
        expect(session.allows(action), `${role} ${action}`).toBe(allowed);
        const attempt = session.assertCan(action, `object-${action}`);
        if (allowed) await expect(attempt, `${role} ${action}`).resolves.toBeTruthy();
        else {
          await expect(attempt, `${role} ${action}`).rejects.toBeInstanceOf(PermissionDeniedError);
          refused.push(action);
        }
      }
      const entries = await auditEntries();
      expect(entries.map((e) => e.action)).toEqual(refused);
      for (const e of entries) expect(e).toMatchObject({ officer: '310000:100001', result: 'denied', object: `object-${e.action}` });
    });
  }

  it('refuses everything to nobody signed in', async () => {
    const session = useSessionStore();
    await expect(session.assertCan('person.view')).rejects.toBeInstanceOf(PermissionDeniedError);
    expect((await auditEntries())[0]).toMatchObject({ officer: 'anonymous', result: 'denied' });
  });
});
