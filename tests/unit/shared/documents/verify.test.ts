import { describe, expect, it } from 'vitest';
import { DEMO_STATIONS, demoStationKey } from '@shared/demo/demo-network';
import {
  DOCUMENT_PREFIX,
  base45Decode,
  base45Encode,
  issueDocument,
  signRevocation,
  signedRevocation,
  verifyDocument,
  type SignedRevocation,
  type StatementInput,
} from '@shared/documents';
import { eventPayloads } from '@shared/sync/event-registry';
import { parseEventPayload } from '@shared/sync/event';
import { generateKeyPair } from '@shared/sync/keys';
import type { Roster } from '@shared/sync/roster';
import { LVXIANG, ZHAPU, roster, samples, zhapuKey } from './fixtures';

const now = new Date('2026-11-25T02:00:00Z');
const issue = (input: StatementInput = samples.recordsCertificate) => issueDocument(input, zhapuKey.secretKey).text;

function revoke(change: Partial<Parameters<typeof signRevocation>[0]> = {}, key = zhapuKey.secretKey): SignedRevocation {
  return signRevocation(
    { documentType: 'recordsCertificate', number: `${ZHAPU}-2026-00017`, issuingStation: ZHAPU, reason: 'issuedInError', revokedAt: '2026-11-24T08:00:00.000Z', officer: '330000:000004', ...change },
    key,
  );
}

describe('verifyDocument', () => {
  it.each(Object.values(samples))('finds a $type genuine at another station, with its facts', (input) => {
    const result = verifyDocument(issueDocument(input, input.issuingStation === ZHAPU ? zhapuKey.secretKey : demoStationKey(input.issuingStation).secretKey).text, { roster, now });
    expect(result).toMatchObject({ verdict: 'genuine', reason: null, factsVerified: true, issuerKey: 'current', revocation: null, checkedOn: '2026-11-25' });
    expect(result.issuer?.code).toBe(input.issuingStation);
    expect(result.statement?.number).toBe(input.number);
  });

  it('finds any changed byte altered', () => {
    const text = issue();
    const packet = base45Decode(text.slice(DOCUMENT_PREFIX.length));
    if (!packet) throw new Error('undecodable');
    const reasons = new Set<string>();
    for (let i = 0; i < packet.length; i += 1) {
      const changed = packet.slice();
      changed[i] = (changed[i] as number) ^ 0x01;
      const result = verifyDocument(DOCUMENT_PREFIX + base45Encode(changed), { roster, now });
      // The issuing station's code is in the body too: a changed code names another (or no) station.
      expect(['altered', 'unknownIssuer']).toContain(result.verdict);
      expect(result.factsVerified).toBe(false);
      reasons.add(result.reason ?? result.verdict);
    }
    expect(reasons).toContain('badSignature');
    expect(reasons).toContain('malformed');
  });

  it('finds a changed character of the text altered', () => {
    const text = issue();
    const at = text.length - 10;
    const swapped = text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    expect(verifyDocument(swapped, { roster, now })).toMatchObject({ verdict: 'altered', reason: 'badSignature', factsVerified: false });
  });

  it('finds a document signed with another key altered, facts shown but not verified', () => {
    const forged = issueDocument(samples.recordsCertificate, demoStationKey(LVXIANG).secretKey).text;
    const result = verifyDocument(forged, { roster, now });
    expect(result).toMatchObject({ verdict: 'altered', reason: 'badSignature', factsVerified: false, issuerKey: null });
    expect(result.statement?.issuingStation).toBe(ZHAPU);
  });

  it('cannot vouch for a station that is not on the roster', () => {
    const without: Roster = { ...roster, stations: roster.stations.filter((s) => s.code !== ZHAPU) };
    const result = verifyDocument(issue(), { roster: without, now });
    expect(result).toMatchObject({ verdict: 'unknownIssuer', reason: null, factsVerified: false, issuer: null });
    expect(result.statement?.number).toBe(`${ZHAPU}-2026-00017`);
  });

  it('expires after the last valid day, Beijing time', () => {
    const text = issue(samples.migrationCertificate); // valid until 2026-12-23
    expect(verifyDocument(text, { roster, now: new Date('2026-12-23T15:59:59Z') }).verdict).toBe('genuine');
    expect(verifyDocument(text, { roster, now: new Date('2026-12-23T16:00:00Z') })).toMatchObject({ verdict: 'expired', factsVerified: true, checkedOn: '2026-12-24' });
    expect(verifyDocument(issue(samples.householdPage), { roster, now: new Date('2090-01-01T00:00:00Z') }).verdict).toBe('genuine');
  });

  it('is revoked by its issuing station, from the moment of revocation', () => {
    const text = issue();
    const revocations = [revoke()];
    expect(verifyDocument(text, { roster, now, revocations })).toMatchObject({ verdict: 'revoked', factsVerified: true, revocation: { reason: 'issuedInError', officer: '330000:000004' } });
    expect(verifyDocument(text, { roster, now: new Date('2026-11-24T07:59:59Z'), revocations }).verdict).toBe('genuine');
    // Revoked outranks expired.
    expect(verifyDocument(text, { roster, now: new Date('2027-06-01T00:00:00Z'), revocations }).verdict).toBe('revoked');
  });

  it('ignores revocations of other documents and revocations not signed by the issuer', () => {
    const text = issue();
    const others = [
      revoke({ number: `${ZHAPU}-2026-00018` }),
      revoke({ documentType: 'movePermit' }),
      revoke({}, demoStationKey(LVXIANG).secretKey),
      { ...revoke(), reason: 'lost' as const },
    ];
    expect(verifyDocument(text, { roster, now, revocations: others }).verdict).toBe('genuine');
  });

  it('verifies a document signed before its station rotated its key, and says so', () => {
    const rotated: Roster = { ...roster, version: 2, stations: roster.stations.map((s) => (s.code === ZHAPU ? { ...s, publicKey: generateKeyPair().publicKey } : s)) };
    expect(verifyDocument(issue(), { roster: rotated, now })).toMatchObject({ verdict: 'altered', reason: 'badSignature' });
    expect(verifyDocument(issue(), { roster: rotated, previousRosters: [roster], now })).toMatchObject({ verdict: 'genuine', issuerKey: 'previous' });
  });

  it('finds text that is not a document altered, without facts', () => {
    expect(verifyDocument('hello', { roster, now })).toMatchObject({ verdict: 'altered', reason: 'notDocument', statement: null });
    expect(verifyDocument('', { roster, now })).toMatchObject({ verdict: 'altered', reason: 'notDocument' });
  });
});

describe('revocation record', () => {
  it('is a registered sync event payload', () => {
    expect(Object.keys(eventPayloads)).toContain('documents.revoked');
    expect(parseEventPayload('documents.revoked', revoke())).toMatchObject({ ok: true });
    expect(parseEventPayload('documents.revoked', { ...revoke(), signature: 'x' })).toMatchObject({ ok: false });
  });

  it('parses only complete, well-formed records', () => {
    expect(signedRevocation.safeParse(revoke()).success).toBe(true);
    expect(signedRevocation.safeParse({ ...revoke(), reason: 'whim' }).success).toBe(false);
    expect(signedRevocation.safeParse({ ...revoke(), issuingStation: DEMO_STATIONS.zhapu.slice(1) }).success).toBe(false);
    expect(() => revoke({ number: 'lower-case' })).toThrow();
  });
});
