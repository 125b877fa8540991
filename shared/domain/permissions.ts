import type { Role } from './officer';

/**
 * Every protected action and the roles that may take it. The stores check this where data changes
 * (not only by hiding buttons); a refusal is audited. The role × action matrix test walks this table.
 */
export const permissions = {
  // 居民档案 — resident records
  'person.view': ['window', 'approver', 'patrolLead'],
  'person.create': ['window'],
  'person.update': ['window'],
  'person.move': ['window'],
  'person.reveal': ['window', 'approver'],
  'household.create': ['window'],
  'household.update': ['window'],
  'certificate.issue': ['window'],
  // 批量导入 / 导出 the station's register (issue 17): the officers who edit records; full numbers only with a reason
  'person.import': ['window'],
  'person.export': ['window'],
  'demo.load': ['stationAdmin'],
  // 文书核验 — documents anyone can verify
  'document.verify': ['window', 'approver', 'patrolLead', 'auditor'],
  'document.revoke': ['window', 'approver'],
  // 户口迁移 — household migration
  'migration.view': ['window', 'approver'],
  'migration.intake': ['window'],
  'migration.withdraw': ['window'],
  'migration.approve': ['approver'],
  'migration.reject': ['approver'],
  'migration.issueCertificate': ['window'],
  'migration.return': ['window'],
  'migration.settle': ['window'],
  // 联合巡逻 — joint patrols
  'patrol.view': ['patrolLead', 'window'],
  'patrol.edit': ['patrolLead'],
  'patrol.confirm': ['patrolLead'],
  'patrol.export': ['patrolLead'],
  // 协查 — assistance requests between stations: any officer on duty raises and answers; closing and forwarding
  // are the duty leader's (值班领导: the approver 人口办审批 and the patrol lead 巡逻带班 lead the station's shifts)
  'assist.view': ['window', 'approver', 'patrolLead'],
  'assist.raise': ['window', 'approver', 'patrolLead'],
  'assist.answer': ['window', 'approver', 'patrolLead'],
  'assist.lead': ['approver', 'patrolLead'],
  // 同步 — sync
  'sync.now': ['window', 'approver', 'patrolLead', 'stationAdmin'],
  'sync.bundle': ['window', 'patrolLead', 'stationAdmin'],
  'sync.resolveConflict': ['window', 'approver', 'patrolLead'],
  'sync.configure': ['stationAdmin'],
  // 民警与审计 — officers and audit
  'officer.manage': ['stationAdmin'],
  'audit.view': ['auditor'],
  'audit.verify': ['auditor'],
  'audit.export': ['auditor'],
  // 站点 — station provisioning and backup
  'station.provision': ['stationAdmin'],
  'station.backup': ['stationAdmin'],
  'station.restore': ['stationAdmin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissions;
export const actions = Object.keys(permissions) as Action[];

export function can(roles: readonly Role[], action: Action): boolean {
  const allowed: readonly Role[] = permissions[action];
  return roles.some((r) => allowed.includes(r));
}
