export { resetAnchor } from './anchor';
export { AUDIT_TABLE, appendAudit, auditTable } from './audit-log';
export { auditEntriesFor, distinctActions, queryAudit, verifyAuditTrail } from './trail';
export type { AuditFilter, VerifyResult } from './trail';
