import { signBatch, type BatchContent, type SignedBatch } from '../../shared/sync/batch';
import { canonicalJson } from '../../shared/sync/canonical';
import { GENESIS_HASH, PROTOCOL_VERSION, eventHash, signEvent, type EventContent, type SignedEvent } from '../../shared/sync/event';
import { keyPairFromSeed, type KeyPair } from '../../shared/sync/keys';
import type { Roster } from '../../shared/sync/roster';
import { encodeJsonGzip } from '../../shared/sync/wire';

/**
 * docs/protocol-vectors/sync/vectors.json: canonical JSON, two signed and chained events, a signed batch with a
 * cursor as it travels (gzip), a cursor-only batch, and batches a receiver must quarantine, each with the reason.
 * Deterministic (fixed test keys, ids and times): `npm run protocol:vectors` writes it; a unit test checks the code
 * against the committed file (tests/unit/shared/sync/sync-vectors.test.ts).
 */
export const SYNC_VECTORS_FILE = 'docs/protocol-vectors/sync/vectors.json';

const seedFrom = (first: number) => Uint8Array.from({ length: 32 }, (_, i) => first + i);
const AUTHOR = '310116520000'; // 吕巷
const RECIPIENT = '330482520000'; // 乍浦
const authorKey = keyPairFromSeed(seedFrom(0x20));
const recipientKey = keyPairFromSeed(seedFrom(0x60));
const otherKey = keyPairFromSeed(seedFrom(0x40));

const keyEntry = (code: string | null, key: KeyPair) => ({ ...(code ? { code } : {}), secretKey: key.secretKey, publicKey: key.publicKey });

const roster: Roster = {
  version: 1,
  issuedAt: '2026-11-23T00:00:00.000Z',
  issuer: '长三角区域警务一体化办公室（测试向量）',
  groups: [{ id: 'wudi-qisuo', name: '五地七所' }],
  stations: [
    { code: AUTHOR, name: '吕巷派出所', province: '310000', districtCode: '310116', districtName: '金山区', publicKey: authorKey.publicKey, groups: ['wudi-qisuo'] },
    { code: RECIPIENT, name: '乍浦镇派出所', province: '330000', districtCode: '330482', districtName: '平湖市', publicKey: recipientKey.publicKey, groups: ['wudi-qisuo'] },
  ],
};

/** Non-canonical JSON texts and their canonical form: key order, whitespace, escapes, non-ASCII, numbers. */
const canonicalCases = [
  { name: 'key order by UTF-16 code units, whitespace dropped', json: '{ "b": 1, "a": [true, false, null], "B": {}, "é": "", "aa": 0 }' },
  { name: 'nested objects and arrays', json: '{"z":{"y":[{"b":2,"a":1},[]],"x":{}},"a":[[["deep"]]]}' },
  { name: 'escapes: quote, backslash, controls, U+2028 kept raw, non-ASCII kept raw', json: '{"s":"say \\"hi\\" \\\\ \\b\\f\\n\\r\\t \\u0001 \\u001f \\u2028 金山 😀"}' },
  { name: 'integers and negative zero', json: '{"big":9007199254740991,"neg":-42,"zero":-0,"exp":1e3}' },
  { name: 'a lone surrogate is escaped', json: '{"lone":"\\ud800"}' },
];

function event(seq: number, prev: string, id: string, aggregate: string, text: string): SignedEvent {
  const content: EventContent = {
    v: PROTOCOL_VERSION,
    id,
    type: 'sync.probe',
    aggregateId: `${AUTHOR}:${aggregate}`,
    authorStation: AUTHOR,
    authorOfficer: '310000:000004',
    hlc: `17638560000${String(seq).padStart(2, '0')}-0000`,
    recipients: [RECIPIENT],
    links: [{ to: RECIPIENT, seq, prev }],
    payload: { text },
  };
  return signEvent(content, authorKey.secretKey);
}

const first = event(1, GENESIS_HASH, '01JDH2Q6Z8XK3M5N7P9R1T3V5A', '01JDH2Q6Z8XK3M5N7P9R1T3V5B', '联调消息：测试一');
const second = event(2, eventHash(first), '01JDH2Q6Z8XK3M5N7P9R1T3V5C', '01JDH2Q6Z8XK3M5N7P9R1T3V5D', '联调消息：测试二');

const cursor = { applied: { seq: 0, hash: GENESIS_HASH }, highest: { seq: 0, hash: GENESIS_HASH } };
const batchContent: BatchContent = { v: PROTOCOL_VERSION, id: '01JDH2Q6Z8XK3M5N7P9R1T3V5E', from: AUTHOR, to: RECIPIENT, createdAt: '2026-11-23T08:00:00.000Z', events: [first, second], cursor };
const batch = signBatch(batchContent, authorKey.secretKey);
const cursorOnly = signBatch({ v: PROTOCOL_VERSION, id: '01JDH2Q6Z8XK3M5N7P9R1T3V5F', from: RECIPIENT, to: AUTHOR, createdAt: '2026-11-23T08:00:05.000Z', events: [], cursor: { applied: { seq: 2, hash: eventHash(second) }, highest: { seq: 2, hash: eventHash(second) } } }, recipientKey.secretKey);

const resign = (content: Omit<SignedBatch, 'signature'>, key = authorKey) => signBatch(content as BatchContent, key.secretKey);
const { signature: _signature, ...unsigned } = batch;
const altered = { ...second, payload: { text: '联调消息：被改动' } };
const refused = [
  { name: 'batch signed by a key not in the roster', problem: 'badBatchSignature', batch: resign(unsigned, otherKey) },
  { name: 'an event altered after its author signed it (batch re-signed)', problem: 'badEventSignature', batch: resign({ ...unsigned, events: [first, altered] }) },
  { name: 'events not in ascending seq order', problem: 'outOfOrder', batch: resign({ ...unsigned, events: [second, first] }) },
  { name: 'a batch for another station', problem: 'notForUs', batch: resign({ ...unsigned, to: '320584520000' }) },
  { name: 'a signed member the schema does not know', problem: 'unknownField', batch: resign({ ...unsigned, note: 'extra' } as Omit<SignedBatch, 'signature'>) },
  { name: 'a signed member the schema does not know, inside the cursor', problem: 'unknownField', batch: resign({ ...unsigned, cursor: { ...cursor, applied: { ...cursor.applied, note: 'extra' } as typeof cursor.applied } }) },
];

export function syncVectors(): Record<string, unknown> {
  return {
    format: 'yrd-sync-vectors',
    v: 1,
    note: 'TEST KEYS ONLY: seeds are the bytes 0x20..0x3f (吕巷 author), 0x60..0x7f (乍浦 recipient), 0x40..0x5f (on no roster). docs/PROTOCOL.md §2–§4 and §8 explain every field. Wire bytes are gzip (RFC 1952) of the canonical JSON; another gzip encoder may produce other bytes for the same text, which is fine: signatures and hashes are over the canonical JSON.',
    keys: { author: keyEntry(AUTHOR, authorKey), recipient: keyEntry(RECIPIENT, recipientKey), other: keyEntry(null, otherKey) },
    roster,
    canonical: canonicalCases.map((c) => ({ ...c, canonical: canonicalJson(JSON.parse(c.json)) })),
    events: [first, second].map((e) => {
      const { signature, ...content } = e;
      return { content, canonical: canonicalJson(content), signature, hash: eventHash(e) };
    }),
    batch: { content: batchContent, canonical: canonicalJson(batchContent), signature: batch.signature, wireBase64: Buffer.from(encodeJsonGzip(batch)).toString('base64') },
    cursorOnly: { batch: cursorOnly, receivedBy: AUTHOR },
    refused: refused.map((r) => ({ name: r.name, problem: r.problem, receivedBy: RECIPIENT, batch: r.batch })),
  };
}

export const syncVectorsText = (): string => `${JSON.stringify(syncVectors(), null, 2)}\n`;
