import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roles } from '@shared/domain/officer';
import { officerAccount } from '@shared/domain/officer-account';
import { passwordProblems } from '@shared/domain/password-policy';
import { developmentStation } from '@shared/domain/dev-station';
import { officersTable } from '@renderer/platform/session/officers-table';
import { DEMO_PASSWORD, demoOfficers, loadDemoOfficers } from '@renderer/app/demo/demo-officers';
import { loadDemoStation } from '@renderer/app/demo/demo-station';
import { createFirstAdmin, StationAlreadySetUpError } from '@renderer/platform/session/first-run';
import { verifyPassword } from '@renderer/platform/session/password-hash';
import { useSessionStore } from '@renderer/platform/session/store';
import { auditEntries, freshState } from './helpers';

beforeEach(freshState);
afterEach(freshState);

describe('demo officers', () => {
  it('are one per role, and each precomputed hash really is the documented password', async () => {
    expect(demoOfficers.map((o) => o.role).sort()).toEqual([...roles].sort());
    for (const officer of demoOfficers) {
      expect(await verifyPassword(DEMO_PASSWORD, officer.password), officer.policeNumber).toBe(true);
      expect(await verifyPassword('Demo@2025', officer.password)).toBe(false);
      expect(passwordProblems(DEMO_PASSWORD, { policeNumber: officer.policeNumber })).toEqual([]);
    }
    expect(new Set(demoOfficers.map((o) => o.password.salt)).size).toBe(demoOfficers.length);
  });
});

describe('first run', () => {
  it('loads the demo station once: valid accounts, audited; a second attempt is refused', async () => {
    await loadDemoOfficers();
    const rows = await officersTable().toArray();
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(officerAccount.safeParse(row).success).toBe(true);
    await expect(loadDemoOfficers()).rejects.toBeInstanceOf(StationAlreadySetUpError);
    await expect(createFirstAdmin(developmentStation, { policeNumber: '123456', name: '管理员', password: 'Station#2026' })).rejects.toBeInstanceOf(
      StationAlreadySetUpError,
    );
    expect(await officersTable().count()).toBe(5);
    const entries = await auditEntries();
    expect(entries.map((e) => [e.action, e.officer, e.result])).toEqual([['demo.load', 'system', 'success']]);
  });

  it('creates the first station admin, who can then sign in', async () => {
    await createFirstAdmin(developmentStation, { policeNumber: '123456', name: ' 管理员 ', password: 'Station#2026' });
    const row = await officersTable().get('310000:123456');
    expect(row).toMatchObject({ name: '管理员', roles: ['stationAdmin'], disabled: false });
    const session = useSessionStore();
    expect((await session.signIn('123456', 'Station#2026')).ok).toBe(true);
    expect(session.allows('officer.manage')).toBe(true);
  });

  it('the demo station seeds nothing else when asked not to, and leaves nobody signed in', async () => {
    const session = useSessionStore();
    const seen: boolean[] = [];
    await loadDemoStation(session, { residents: false, onProgress: () => seen.push(true) });
    expect(session.officer).toBeNull();
    expect(session.setupInProgress).toBe(false);
    expect(seen).toEqual([]);
  });
});
