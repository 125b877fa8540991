import { z } from 'zod';
import { stationCode } from '../domain/station';
import { signCanonical, signatureHex, verifyCanonical } from '../sync/keys';
import { isCodeText } from './bytes';
import { documentType, type DocumentType } from './statement';

/**
 * 作废 (revocation) of a printed document: signed by the issuing station with its Ed25519 key over the record's
 * canonical JSON (docs/PROTOCOL.md §2), so a revocation is checkable wherever it travels: inside a sync event
 * (`documents.revoked`), in a revocation-list file handed to a court, or in an export. Only the issuing station
 * may revoke its own documents: a revocation counts only when its signature verifies with that station's key.
 *
 * withdrawn 申请人撤回 · issuedInError 错误签发 · superseded 已换发 · lost 遗失声明 · cancelled 业务撤销 · other 其他
 */
export const revocationReasons = ['withdrawn', 'issuedInError', 'superseded', 'lost', 'cancelled', 'other'] as const;
export const revocationReason = z.enum(revocationReasons);
export type RevocationReason = z.infer<typeof revocationReason>;

export const REVOCATION_KIND = 'yrd-document-revocation';

export const documentRevocation = z.object({
  kind: z.literal(REVOCATION_KIND),
  v: z.literal(1),
  documentType,
  number: z.string().min(1).max(60).refine(isCodeText, 'documentNumber'),
  issuingStation: stationCode,
  reason: revocationReason,
  revokedAt: z.iso.datetime(),
  /** `province:警号` of the officer who revoked it. */
  officer: z.string().regex(/^\d{6}:\d{6}$/, 'officer key province:警号'),
});
export type DocumentRevocation = z.infer<typeof documentRevocation>;

export const signedRevocation = documentRevocation.extend({ signature: signatureHex });
export type SignedRevocation = z.infer<typeof signedRevocation>;

/** A revocation-list file (what `tools/verify-document.ts --revocations` reads, what a station exports). */
export const REVOCATION_LIST_FORMAT = 'yrd-document-revocations';
export const revocationList = z.object({
  format: z.literal(REVOCATION_LIST_FORMAT),
  v: z.literal(1),
  /** When the list was assembled: how fresh it is. */
  generatedAt: z.iso.datetime(),
  revocations: z.array(signedRevocation),
});
export type RevocationList = z.infer<typeof revocationList>;

export function signRevocation(content: Omit<DocumentRevocation, 'kind' | 'v'>, stationSecretKey: string): SignedRevocation {
  const record = documentRevocation.parse({ kind: REVOCATION_KIND, v: 1, ...content });
  return { ...record, signature: signCanonical(record, stationSecretKey) };
}

export function revocationBody(signed: SignedRevocation): DocumentRevocation {
  const { signature: _signature, ...content } = signed;
  return content;
}

/** True when `signed` is signed by `publicKey` (the issuing station's key as the roster lists it). */
export function verifyRevocation(signed: SignedRevocation, publicKey: string): boolean {
  return verifyCanonical(revocationBody(signed), signed.signature, publicKey);
}

/** The one document a revocation is about: also a good sync aggregate id. */
export function documentKey(d: { issuingStation: string; type: DocumentType; number: string }): string {
  return `${d.issuingStation}:${d.type}:${d.number}`;
}

export function revocationDocumentKey(r: DocumentRevocation): string {
  return documentKey({ issuingStation: r.issuingStation, type: r.documentType, number: r.number });
}
