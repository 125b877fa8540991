import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { signBytes } from '../sync/keys';
import { base45Decode, base45Encode } from './base45';
import { ByteReader, ByteWriter, MalformedStatement, dayString } from './bytes';
import { ID_DIGEST_BYTES, packIdLast4, subjectOf, unpackIdLast4 } from './id-digest';
import {
  CATEGORY_CODES,
  DOCUMENT_TYPE_CODES,
  MATTER_CODES,
  MAX_PATROL_STATIONS,
  MAX_PERSONS,
  PATROL_TYPE_CODES,
  SHIFT_CODES,
  nameOfCode,
  statementInput,
  type DocumentType,
  type Statement,
  type StatementInput,
  type Subject,
} from './statement';

/**
 * The QR text of a document (docs/verify.md §2–3):
 *   "YRD1:" + base45( body ‖ Ed25519 signature (64 bytes) ‖ [0x00 when body + signature have even length] )
 * where the signature is over ASCII "YRD1" ‖ body. Every character is in the QR alphanumeric set, so the code uses
 * alphanumeric mode; the packet always has odd length, so the text never ends in a space (base45's last pair of
 * characters for a single byte is 0–5) and trimming a scanned line is always safe.
 */
export const DOCUMENT_PREFIX = 'YRD1:';
/** The domain-separation prefix of the signed message: no canonical-JSON message of the sync protocol starts so. */
export const SIGNING_CONTEXT = 'YRD1';
export const SIGNATURE_BYTES = 64;

const NO_END_TIME = 0xffff;
const MAX_STATION = 999_999_999_999;

function minutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

function clockOf(n: number): string {
  if (n >= 24 * 60) throw new MalformedStatement('time of day out of range');
  return `${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
}

/** The facts of an input with every ID number replaced by its last four and its digest. */
export function statementOf(input: StatementInput): Statement {
  const s = statementInput.parse(input);
  const subject = (p: { name: string; idNumber: string }) => subjectOf(s.type, s.issuingStation, s.number, p);
  switch (s.type) {
    case 'recordsCertificate':
    case 'householdPage':
      return { ...s, subject: subject(s.subject) };
    case 'movePermit':
    case 'migrationCertificate':
      return { ...s, persons: s.persons.map(subject) };
    case 'patrolLog':
      return { ...s };
  }
}

function writeSubject(w: ByteWriter, s: Subject): void {
  w.text(s.name).u16(packIdLast4(s.idLast4)).raw(hexToBytes(s.idDigest));
}

function readSubject(r: ByteReader): Subject {
  const name = r.text();
  if (name.length === 0) throw new MalformedStatement('empty name');
  const idLast4 = unpackIdLast4(r.u16());
  if (idLast4 === null) throw new MalformedStatement('ID last four out of range');
  return { name, idLast4, idDigest: bytesToHex(r.raw(ID_DIGEST_BYTES)) };
}

/** The body bytes of a statement (docs/verify.md §3). */
export function encodeBody(s: Statement): Uint8Array {
  const w = new ByteWriter();
  w.u8(DOCUMENT_TYPE_CODES[s.type]).uint(Number(s.issuingStation), 5).uint(Number(s.officer), 3).day(s.issueDate);
  if (s.validUntil === null) w.u16(0);
  else w.day(s.validUntil);
  w.code(s.number);
  switch (s.type) {
    case 'recordsCertificate':
      w.u8(MATTER_CODES[s.matter]);
      writeSubject(w, s.subject);
      w.text(s.detail);
      break;
    case 'movePermit':
      w.u8(CATEGORY_CODES[s.category]).uint(Number(s.originStation), 5).u8(s.persons.length);
      s.persons.forEach((p) => writeSubject(w, p));
      break;
    case 'migrationCertificate':
      w.u8(CATEGORY_CODES[s.category]).uint(Number(s.destinationStation), 5).code(s.permitNumber).u8(s.persons.length);
      s.persons.forEach((p) => writeSubject(w, p));
      break;
    case 'householdPage':
      w.code(s.householdNumber).uint(Number(s.divisionCode), 3).u8(Number(s.relationship));
      writeSubject(w, s.subject);
      break;
    case 'patrolLog':
      w.day(s.patrolDate).u8(PATROL_TYPE_CODES[s.patrolType]).u8(SHIFT_CODES[s.shift]);
      w.u16(minutes(s.startTime)).u16(s.endTime === null ? NO_END_TIME : minutes(s.endTime));
      w.u8(s.stations.length);
      s.stations.forEach((code) => w.uint(Number(code), 5));
      w.u16(s.eventRows).u16(s.inspections);
      break;
  }
  return w.finish();
}

function station(r: ByteReader): string {
  const n = r.uint(5);
  if (n > MAX_STATION) throw new MalformedStatement('station code out of range');
  return String(n).padStart(12, '0');
}

function enumOf<K extends string>(table: Record<K, number>, code: number, what: string): K {
  const name = nameOfCode(table, code);
  if (name === undefined) throw new MalformedStatement(`unknown ${what} ${code}`);
  return name;
}

function count(r: ByteReader, max: number, what: string): number {
  const n = r.u8();
  if (n < 1 || n > max) throw new MalformedStatement(`${what} count out of range`);
  return n;
}

/** Parses a body from the reader's position; throws MalformedStatement. */
export function readBody(r: ByteReader): Statement {
  const type: DocumentType = enumOf(DOCUMENT_TYPE_CODES, r.u8(), 'document type');
  const issuingStation = station(r);
  const officerNumber = r.uint(3);
  if (officerNumber > 999_999) throw new MalformedStatement('警号 out of range');
  const issueDay = r.u16();
  const validDay = r.u16();
  if (validDay !== 0 && validDay < issueDay) throw new MalformedStatement('valid until before issue date');
  const header = {
    number: r.code(),
    issuingStation,
    officer: String(officerNumber).padStart(6, '0'),
    issueDate: dayString(issueDay),
    validUntil: validDay === 0 ? null : dayString(validDay),
  };
  if (header.number.length === 0) throw new MalformedStatement('empty document number');
  switch (type) {
    case 'recordsCertificate': {
      const matter = enumOf(MATTER_CODES, r.u8(), 'matter');
      const subject = readSubject(r);
      return { type, ...header, matter, subject, detail: r.text() };
    }
    case 'movePermit': {
      const category = enumOf(CATEGORY_CODES, r.u8(), 'category');
      const originStation = station(r);
      const n = count(r, MAX_PERSONS, 'person');
      return { type, ...header, category, originStation, persons: Array.from({ length: n }, () => readSubject(r)) };
    }
    case 'migrationCertificate': {
      const category = enumOf(CATEGORY_CODES, r.u8(), 'category');
      const destinationStation = station(r);
      const permitNumber = r.code();
      const n = count(r, MAX_PERSONS, 'person');
      return { type, ...header, category, destinationStation, permitNumber, persons: Array.from({ length: n }, () => readSubject(r)) };
    }
    case 'householdPage': {
      const householdNumber = r.code();
      const division = r.uint(3);
      const relationship = r.u8();
      if (division > 999_999 || relationship > 99) throw new MalformedStatement('code out of range');
      const subject = readSubject(r);
      return { type, ...header, householdNumber, divisionCode: String(division).padStart(6, '0'), relationship: String(relationship).padStart(2, '0'), subject };
    }
    case 'patrolLog': {
      const patrolDate = r.day();
      const patrolType = enumOf(PATROL_TYPE_CODES, r.u8(), 'patrol type');
      const shift = enumOf(SHIFT_CODES, r.u8(), 'shift');
      const startTime = clockOf(r.u16());
      const end = r.u16();
      const endTime = end === NO_END_TIME ? null : clockOf(end);
      const n = count(r, MAX_PATROL_STATIONS, 'station');
      const stations = Array.from({ length: n }, () => station(r));
      return { type, ...header, patrolDate, patrolType, shift, startTime, endTime, stations, eventRows: r.u16(), inspections: r.u16() };
    }
  }
}

/** The exact bytes the issuing station signs: ASCII "YRD1" ‖ body. */
export function signedMessage(body: Uint8Array): Uint8Array {
  const message = new Uint8Array(SIGNING_CONTEXT.length + body.length);
  for (let i = 0; i < SIGNING_CONTEXT.length; i += 1) message[i] = SIGNING_CONTEXT.charCodeAt(i);
  message.set(body, SIGNING_CONTEXT.length);
  return message;
}

function packet(body: Uint8Array, signature: Uint8Array): Uint8Array {
  const pad = (body.length + SIGNATURE_BYTES) % 2 === 0 ? 1 : 0;
  const out = new Uint8Array(body.length + SIGNATURE_BYTES + pad);
  out.set(body, 0);
  out.set(signature, body.length);
  return out;
}

export interface IssuedDocument {
  /** What the QR code encodes (alphanumeric mode), and what a USB scanner types. */
  text: string;
  /** The signed facts as a verifier will decode them. */
  statement: Statement;
}

/** Signs a document's statement with the issuing station's Ed25519 secret key (hex seed, as KeyPair.secretKey). */
export function issueDocument(input: StatementInput, stationSecretKey: string): IssuedDocument {
  const statement = statementOf(input);
  const body = encodeBody(statement);
  const signature = signBytes(signedMessage(body), stationSecretKey);
  return { text: DOCUMENT_PREFIX + base45Encode(packet(body, signature)), statement };
}

export type DecodeFailure = 'notDocument' | 'unsupportedVersion' | 'malformed';

export type DecodedDocument =
  | { ok: true; statement: Statement; message: Uint8Array; signature: Uint8Array }
  | { ok: false; reason: DecodeFailure };

/**
 * What a scanner or a paste may have done to the text: a Chinese input method's full-width forms (：，￥, full-width
 * letters and digits, 。), lower case from Caps Lock, the Enter and spaces around it. The mapping is lossless for
 * document texts: their alphabet has no lower-case letters and they never start or end with a space.
 */
export function normalizeScannedText(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else if (c === 0xffe5 || c === 0xa5) out += '$';
    else if (c === 0x3002) out += '.';
    else out += ch;
  }
  return out.trim().toUpperCase();
}

/** Decodes a QR text into its statement and signature; does not check the signature (see verify.ts). */
export function decodeDocument(raw: string): DecodedDocument {
  const text = normalizeScannedText(raw);
  if (!text.startsWith(DOCUMENT_PREFIX)) return { ok: false, reason: /^YRD\d+:/.test(text) ? 'unsupportedVersion' : 'notDocument' };
  const bytes = base45Decode(text.slice(DOCUMENT_PREFIX.length));
  if (bytes === null || bytes.length % 2 === 0) return { ok: false, reason: 'malformed' };
  try {
    const reader = new ByteReader(bytes);
    const statement = readBody(reader);
    const bodyLength = reader.position;
    const pad = (bodyLength + SIGNATURE_BYTES) % 2 === 0 ? 1 : 0;
    if (reader.remaining !== SIGNATURE_BYTES + pad) return { ok: false, reason: 'malformed' };
    const signature = reader.raw(SIGNATURE_BYTES);
    if (pad === 1 && reader.u8() !== 0) return { ok: false, reason: 'malformed' };
    return { ok: true, statement, message: signedMessage(bytes.slice(0, bodyLength)), signature };
  } catch (error) {
    if (error instanceof MalformedStatement) return { ok: false, reason: 'malformed' };
    throw error;
  }
}
