import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_PREFIX,
  base45Decode,
  base45Encode,
  decodeDocument,
  issueDocument,
  matchIdNumber,
  normalizeScannedText,
  statementInput,
  subjectsOf,
  type StatementInput,
} from '@shared/documents';
import { ByteReader, ByteWriter, CODE_ALPHABET } from '@shared/documents/bytes';
import { IDS, largest, samples, zhapuKey } from './fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('base45 (RFC 9285)', () => {
  it('matches the RFC examples', () => {
    expect(base45Encode(utf8('AB'))).toBe('BB8');
    expect(base45Encode(utf8('Hello!!'))).toBe('%69 VD92EX0');
    expect(base45Encode(utf8('base-45'))).toBe('UJCLQE7W581');
    expect(new TextDecoder().decode(base45Decode('QED8WEX0') ?? undefined)).toBe('ietf!');
  });

  it('refuses text that is not base45', () => {
    expect(base45Decode('GGW')).toBeNull(); // 65535 < value: GGW = 16 + 16·45 + 32·2025 = 65536
    expect(base45Decode('abc')).toBeNull();
    expect(base45Decode('A')).toBeNull();
    expect(base45Decode('')).toEqual(new Uint8Array(0));
  });
});

describe('primitives', () => {
  it('packs document numbers three characters to two bytes and reads them back exactly', () => {
    for (const n of ['QY330482520000202600003', '330482520000-2026-00017', 'XL-20261122-330482-01', 'A', 'AB', CODE_ALPHABET]) {
      const bytes = new ByteWriter().code(n).finish();
      expect(bytes.length).toBe(1 + 2 * Math.ceil(n.length / 3));
      expect(new ByteReader(bytes).code()).toBe(n);
    }
    expect(() => new ByteWriter().code('qy1')).toThrow();
  });

  it('refuses a number whose padding is not zero (one encoding per number)', () => {
    const bytes = new ByteWriter().u8(1).u16(1).finish(); // "0" followed by padding "01"
    expect(() => new ByteReader(bytes).code()).toThrow();
  });

  it('writes names as UTF-16BE, surrogate pairs included', () => {
    const name = '𠀀木·热合曼';
    const bytes = new ByteWriter().text(name).finish();
    expect(bytes.length).toBe(1 + 2 * name.length);
    expect(new ByteReader(bytes).text()).toBe(name);
    expect(() => new ByteReader(Uint8Array.of(1, 0xd8, 0x00)).text()).toThrow();
  });
});

describe('statement encoding', () => {
  it.each(Object.values(samples))('round-trips a $type', (input) => {
    const issued = issueDocument(input, zhapuKey.secretKey);
    expect(issued.text.startsWith(DOCUMENT_PREFIX)).toBe(true);
    expect(issued.text).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
    const decoded = decodeDocument(issued.text);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.statement).toEqual(issued.statement);
    const parsed = statementInput.parse(input);
    expect(decoded.statement.type).toBe(parsed.type);
    expect(decoded.statement.number).toBe(parsed.number);
    expect(decoded.statement.issueDate).toBe(parsed.issueDate);
    expect(decoded.statement.validUntil).toBe(parsed.validUntil);
  });

  it('carries names and the last four ID characters, never the whole ID number', () => {
    const issued = issueDocument(samples.movePermit, zhapuKey.secretKey);
    const subjects = subjectsOf(issued.statement);
    expect(subjects.map((s) => [s.name, s.idLast4])).toEqual([
      ['王秀英', IDS.zhapu.slice(14)],
      ['李小龙', IDS.child.slice(14)],
    ]);
    expect(JSON.stringify(issued.statement)).not.toContain(IDS.zhapu.slice(0, 14));
    expect(subjects[0]?.idDigest).toMatch(/^[0-9a-f]{12}$/);
  });

  it('checks an ID number typed from the paper against the digest', () => {
    const { statement } = issueDocument(samples.recordsCertificate, zhapuKey.secretKey);
    const [subject] = subjectsOf(statement);
    if (!subject) throw new Error('no subject');
    expect(matchIdNumber(statement, subject, IDS.zhapu)).toBe('match');
    expect(matchIdNumber(statement, subject, ` ${IDS.zhapu.toLowerCase()} `)).toBe('match');
    expect(matchIdNumber(statement, subject, IDS.lvxiang)).toBe('mismatch');
    expect(matchIdNumber(statement, subject, '330482199001010011')).toBe('invalid');
    // The same person on another document has another digest: digests do not link documents.
    const other = issueDocument({ ...samples.recordsCertificate, number: `${samples.recordsCertificate.issuingStation}-2026-00018` } as StatementInput, zhapuKey.secretKey);
    expect(subjectsOf(other.statement)[0]?.idDigest).not.toBe(subject.idDigest);
  });

  it('accepts a legacy 15-digit ID number as its 18-digit form', () => {
    const legacy = '110105491231002'; // 11010519491231002X without "19" and the check character
    const { statement } = issueDocument({ ...samples.householdPage, subject: { name: '王秀英', idNumber: legacy } } as StatementInput, zhapuKey.secretKey);
    const [subject] = subjectsOf(statement);
    if (!subject) throw new Error('no subject');
    expect(subject.idLast4).toBe('002X');
    expect(matchIdNumber(statement, subject, IDS.official)).toBe('match');
  });

  it('refuses to sign what does not fit the format', () => {
    const bad = (change: object) => () => issueDocument({ ...samples.recordsCertificate, ...change } as StatementInput, zhapuKey.secretKey);
    expect(bad({ number: 'qy-lower-case' })).toThrow();
    expect(bad({ issuingStation: '33048252000' })).toThrow();
    expect(bad({ officer: '12345' })).toThrow();
    expect(bad({ validUntil: '2026-11-22' })).toThrow();
    expect(bad({ issueDate: '2026-02-30' })).toThrow();
    expect(bad({ subject: { name: '张山', idNumber: '330482199001010011' } })).toThrow();
    expect(bad({ detail: '很'.repeat(41) })).toThrow();
  });

  it('never ends in a space, so trimming a scanned line is safe', () => {
    for (let i = 0; i < 120; i += 1) {
      const number = `${samples.recordsCertificate.issuingStation}-2026-${String(i).padStart(5, '0')}`;
      const { text } = issueDocument({ ...samples.recordsCertificate, number } as StatementInput, zhapuKey.secretKey);
      expect(text.endsWith(' ')).toBe(false);
      expect((base45Decode(text.slice(DOCUMENT_PREFIX.length))?.length ?? 0) % 2).toBe(1);
    }
  });

  it('undoes what an input method or Caps Lock does to a scanned text', () => {
    const { text } = issueDocument(largest, zhapuKey.secretKey);
    const fullWidth = [...text].map((c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join('');
    expect(normalizeScannedText(`${fullWidth}\r\n`)).toBe(text);
    expect(normalizeScannedText(text.replace('$', '￥').toLowerCase())).toBe(text);
    expect(decodeDocument(`  ${text.toLowerCase()}\n`).ok).toBe(true);
  });

  it('tells a foreign QR code and a future version from a damaged one', () => {
    const { text } = issueDocument(samples.patrolLog, zhapuKey.secretKey);
    expect(decodeDocument('https://example.org/')).toEqual({ ok: false, reason: 'notDocument' });
    expect(decodeDocument(`YRD2:${text.slice(5)}`)).toEqual({ ok: false, reason: 'unsupportedVersion' });
    expect(decodeDocument(text.slice(0, -3))).toEqual({ ok: false, reason: 'malformed' });
    expect(decodeDocument(`${text}00`)).toEqual({ ok: false, reason: 'malformed' });
    expect(decodeDocument(`${text}000`)).toEqual({ ok: false, reason: 'malformed' });
    expect(decodeDocument('YRD1:')).toEqual({ ok: false, reason: 'malformed' });
  });
});
