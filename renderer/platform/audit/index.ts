export { resetAnchor } from './anchor';
export { AUDIT_TABLE, appendAudit, appendAuditIn, auditTable, authenticateRestoredTrail, onAuditCommitted, primeAuditMacKey } from './audit-log';
export type { AuditInput } from './audit-log';
export { auditEntriesFor, distinctActions, queryAudit, verifyAuditTrail } from './trail';
export type { AuditFilter, VerifyResult } from './trail';
