import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { DOCUMENT_TYPE_CODES, normalizeIdNumber, type DocumentType, type Subject } from './statement';

/**
 * How a statement carries a citizen ID number without printing it in the QR text (docs/verify.md §4):
 * its last four characters in clear, for the eye, and the first 6 bytes of
 *   HMAC-SHA256(key = ASCII "YRD1-ID/<type code>/<issuing station>/<document number>", message = ASCII 18-char ID)
 * for a check against the number on the paper or on the person's ID card.
 *
 * This is not secrecy: given the last four and the digest, the ID space (address code × birth date) can be searched
 * in minutes. It keeps full ID numbers out of everything the QR text passes through (scanner buffers, pasted text,
 * audit entries, screenshots), and keying by the document makes the same person's digests unlinkable across
 * documents and useless to precompute.
 */
export const ID_DIGEST_BYTES = 6;

export function idDigestKey(type: DocumentType, issuingStation: string, number: string): Uint8Array {
  return utf8ToBytes(`YRD1-ID/${DOCUMENT_TYPE_CODES[type]}/${issuingStation}/${number}`);
}

/** The digest (hex) of a normalised ID number for one document; null when `idNumber` is not a valid ID number. */
export function idDigest(type: DocumentType, issuingStation: string, number: string, idNumber: string): string | null {
  const id = normalizeIdNumber(idNumber);
  if (id === null) return null;
  return bytesToHex(hmac(sha256, idDigestKey(type, issuingStation, number), utf8ToBytes(id)).slice(0, ID_DIGEST_BYTES));
}

export function subjectOf(type: DocumentType, issuingStation: string, number: string, person: { name: string; idNumber: string }): Subject {
  const id = normalizeIdNumber(person.idNumber);
  const digest = idDigest(type, issuingStation, number, person.idNumber);
  if (id === null || digest === null) throw new RangeError('not a citizen ID number');
  return { name: person.name, idLast4: id.slice(14), idDigest: digest };
}

/** Last four characters → u16: sequence digits (0–999) × 11 + check character (0–9, X = 10). */
export function packIdLast4(last4: string): number {
  const m = /^(\d{3})([\dX])$/.exec(last4);
  if (!m) throw new RangeError(`not the last four characters of an ID number: ${last4}`);
  return Number(m[1]) * 11 + (m[2] === 'X' ? 10 : Number(m[2]));
}

export function unpackIdLast4(n: number): string | null {
  if (n > 999 * 11 + 10) return null;
  const check = n % 11;
  return String(Math.floor(n / 11)).padStart(3, '0') + (check === 10 ? 'X' : String(check));
}

export type IdMatch = 'match' | 'mismatch' | 'invalid';

/**
 * Does the ID number on the paper (or card) match the one the statement's person was signed with? `invalid` when
 * the typed number is not a well-formed ID number (a typo the verifier should correct, not a forgery).
 */
export function matchIdNumber(statement: { type: DocumentType; issuingStation: string; number: string }, subject: Subject, idNumber: string): IdMatch {
  const digest = idDigest(statement.type, statement.issuingStation, statement.number, idNumber);
  if (digest === null) return 'invalid';
  return digest === subject.idDigest && normalizeIdNumber(idNumber)?.slice(14) === subject.idLast4 ? 'match' : 'mismatch';
}
