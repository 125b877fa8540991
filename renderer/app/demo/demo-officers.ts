import type { Role } from '@shared/domain/officer';
import type { OfficerAccount, PasswordHash } from '@shared/domain/officer-account';
import { bootstrapAccounts, newAccount } from '@renderer/platform/session';
import { assertDemoInstallAllowed, currentStationIdentity, storedStationIdentity } from '@renderer/platform/station';
import { installDemoStation } from '@renderer/sync';

/**
 * 演示站点的民警: one account per role, all with the documented password below (shown on the first-run screen).
 * The hashes are computed ahead of time (tests/unit/renderer/session/demo-officers.test.ts proves each matches),
 * so loading the demo station costs no PBKDF2 work. A demo station never signs real traffic.
 */
export const DEMO_PASSWORD = 'Demo@2026';

export interface DemoOfficer {
  policeNumber: string;
  name: string;
  role: Role;
  password: PasswordHash;
}

const pbkdf2 = (salt: string, hash: string): PasswordHash => ({ algorithm: 'PBKDF2-SHA256', iterations: 600_000, salt, hash });

export const demoOfficers: DemoOfficer[] = [
  {
    policeNumber: '000001',
    name: '王芳',
    role: 'window',
    password: pbkdf2('f91356b940b0e22b7e0d91a1c251d538', 'ce5e10d2755f760ce2562fcd9926c87d46d082775710d5dbe46d737e9d922ea4'),
  },
  {
    policeNumber: '000002',
    name: '李强',
    role: 'approver',
    password: pbkdf2('f72627746bf34dca4aa05858e7a4cec6', 'b8df7593fba488564a42c02284603376e0eabd841b5cab7464b07a1d6e9fe83b'),
  },
  {
    policeNumber: '000003',
    name: '张伟',
    role: 'patrolLead',
    password: pbkdf2('79b510d242477524ce4aba407da1e33b', 'ac9f3c7fa4d7c7de8190a45fc3123a22b448bad354c01594e910e24c3eef63ed'),
  },
  {
    policeNumber: '000004',
    name: '陈静',
    role: 'stationAdmin',
    password: pbkdf2('6c0831f84d7767b5719fcc15515af84b', 'e9447bce5f34f3d5396da945276f37eb10d5d15b11e946121bced172c9f85fd5'),
  },
  {
    policeNumber: '000005',
    name: '刘洋',
    role: 'auditor',
    password: pbkdf2('74590630b834d6dbf74aad25bed72ebf', '65cf31b295e9477e90ec1196b9781e0b147aeda65ca4bc61225736457da4fc4e'),
  },
];

export function demoOfficerFor(role: Role): DemoOfficer {
  const found = demoOfficers.find((o) => o.role === role);
  if (!found) throw new Error(`no demo officer for ${role}`);
  return found;
}

/**
 * 加载演示站点's accounts: one per role, written only while the station has none, and only on a demo station: an
 * unprovisioned install becomes the default demo station first (demo officers never sit on a development station
 * that could later be provisioned); a provisioned station or a machine policy refuses (`DemoNotAllowedError`).
 */
export async function loadDemoOfficers(): Promise<OfficerAccount[]> {
  await assertDemoInstallAllowed();
  if ((await storedStationIdentity()) === null) await installDemoStation();
  const station = await currentStationIdentity();
  const accounts = demoOfficers.map((o) =>
    newAccount({ province: station.province, policeNumber: o.policeNumber, name: o.name }, [o.role], o.password),
  );
  await bootstrapAccounts(station, accounts, 'demo.load', accounts.map((a) => a.key).join(' '));
  return accounts;
}
