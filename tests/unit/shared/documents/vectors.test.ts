import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_PREFIX,
  base45Decode,
  decodeDocument,
  encodeBody,
  issueDocument,
  matchIdNumber,
  signedRevocation,
  subjectsOf,
  verifyDocument,
  verifyRevocation,
  type Statement,
  type StatementInput,
} from '@shared/documents';
import { revocationBody } from '@shared/documents/revocation';
import { canonicalJson } from '@shared/sync/canonical';
import { keyPairFromSeed } from '@shared/sync/keys';
import { roster as rosterSchema } from '@shared/sync/roster';

/** docs/protocol-vectors/documents/vectors.json: what an independent verifier is tested against. */
interface Vectors {
  keys: Record<string, { secretKey: string; publicKey: string }>;
  roster: unknown;
  documents: {
    name: string;
    secretKey: string;
    input: StatementInput;
    bodyHex: string;
    signedMessageHex: string;
    signatureHex: string;
    packetHex: string;
    text: string;
    statement: Statement;
    idChecks: { subject: number; idNumber: string; result: string }[];
  }[];
  revocations: { record: unknown; canonical: string }[];
  verifications: { name: string; text: string; now: string; revocations: unknown[]; verdict: string; reason: string | null }[];
}

const vectors = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../docs/protocol-vectors/documents/vectors.json'), 'utf8')) as Vectors;
const roster = rosterSchema.parse(vectors.roster);

describe('document test vectors', () => {
  it('holds keys that are what their seeds derive', () => {
    for (const key of Object.values(vectors.keys)) expect(keyPairFromSeed(hexToBytes(key.secretKey)).publicKey).toBe(key.publicKey);
  });

  it.each(vectors.documents)('$name: issuing reproduces the QR text byte for byte', (v) => {
    const issued = issueDocument(v.input, v.secretKey);
    expect(issued.text).toBe(v.text);
    expect(issued.statement).toEqual(v.statement);
    expect(bytesToHex(encodeBody(v.statement))).toBe(v.bodyHex);
    expect(v.signedMessageHex).toBe(bytesToHex(new TextEncoder().encode('YRD1')) + v.bodyHex);
    const pad = (v.bodyHex.length / 2 + 64) % 2 === 0 ? '00' : '';
    expect(v.packetHex).toBe(v.bodyHex + v.signatureHex + pad);
    expect(bytesToHex(base45Decode(v.text.slice(DOCUMENT_PREFIX.length)) ?? new Uint8Array())).toBe(v.packetHex);
  });

  it.each(vectors.documents)('$name: decoding gives the statement and the ID checks', (v) => {
    const decoded = decodeDocument(v.text);
    expect(decoded.ok && decoded.statement).toEqual(v.statement);
    const subjects = subjectsOf(v.statement);
    for (const check of v.idChecks) {
      const subject = subjects[check.subject];
      if (!subject) throw new Error(`vector ${v.name}: no subject ${check.subject}`);
      expect(matchIdNumber(v.statement, subject, check.idNumber)).toBe(check.result);
    }
  });

  it('revocations: canonical bytes and signature', () => {
    for (const r of vectors.revocations) {
      const record = signedRevocation.parse(r.record);
      expect(canonicalJson(revocationBody(record))).toBe(r.canonical);
      expect(verifyRevocation(record, vectors.keys.zhapu?.publicKey ?? '')).toBe(true);
    }
  });

  it.each(vectors.verifications)('verification "$name" → $verdict', (v) => {
    const revocations = v.revocations.map((r) => signedRevocation.parse(r));
    const result = verifyDocument(v.text, { roster, now: new Date(v.now), revocations });
    expect({ verdict: result.verdict, reason: result.reason }).toEqual({ verdict: v.verdict, reason: v.reason });
  });
});
