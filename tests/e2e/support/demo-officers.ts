import type { Role } from '../../../shared/domain/officer';

/**
 * The demo station's accounts as its first-run screen lists them (renderer/app/demo/demo-officers.ts). That module
 * cannot load in Playwright's Node process (it imports the session module, whose index exports Vue components), so
 * the e2e suite keeps its own copy; officers.spec.ts checks the first-run screen shows this password and numbers.
 */
export const DEMO_PASSWORD = 'Demo@2026';

const policeNumbers: Record<Role, string> = {
  window: '000001',
  approver: '000002',
  patrolLead: '000003',
  stationAdmin: '000004',
  auditor: '000005',
};

export function demoOfficerFor(role: Role): { policeNumber: string } {
  return { policeNumber: policeNumbers[role] };
}
