/**
 * Documents anyone can verify (issue #18): the signed statement a printed document carries in its QR code,
 * verification against the roster and revocations, and the revocation record. Format: docs/verify.md.
 */
export { base45Decode, base45Encode } from './base45';
export {
  DOCUMENT_PREFIX,
  decodeDocument,
  encodeBody,
  issueDocument,
  normalizeScannedText,
  signedMessage,
  statementOf,
  type DecodeFailure,
  type DecodedDocument,
  type IssuedDocument,
} from './codec';
export { documentEvents, type DocumentEventType } from './events';
export {
  householdPageStatement,
  migrationCertificateStatement,
  movePermitStatement,
  patrolLogStatement,
  recordsCertificateStatement,
  type HouseholdPagePrint,
  type PatrolLogPrint,
} from './from-domain';
export { idDigest, matchIdNumber, type IdMatch } from './id-digest';
export { QR_SPEC, qrModules, qrPrintSizeMm } from './qr';
export {
  REVOCATION_LIST_FORMAT,
  documentKey,
  documentRevocation,
  revocationList,
  revocationReason,
  revocationReasons,
  signRevocation,
  signedRevocation,
  verifyRevocation,
  type DocumentRevocation,
  type RevocationList,
  type RevocationReason,
  type SignedRevocation,
} from './revocation';
export {
  documentType,
  documentTypes,
  statementInput,
  subjectsOf,
  type DocumentType,
  type Statement,
  type StatementInput,
  type Subject,
} from './statement';
export { beijingDay, findRevocation, verifyDocument, type AlteredReason, type RosterLike, type Verdict, type Verification, type VerifyOptions } from './verify';
