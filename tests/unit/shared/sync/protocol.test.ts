import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { DEMO_ROOT, DEMO_STATIONS, demoRoster, demoStationKey, signedDemoRoster } from '@shared/demo/demo-network';
import { canonicalJson } from '@shared/sync/canonical';
import { GENESIS_HASH, PROTOCOL_VERSION, eventContent, eventHash, signEvent, verifyEvent, type EventContent } from '@shared/sync/event';
import { HLC_MAX_AHEAD_MS, HLC_ZERO, formatHlc, observeHlc, parseHlc, repairHlc, tickHlc } from '@shared/sync/hlc';
import { generateKeyPair } from '@shared/sync/keys';
import { areNeighbours, checkRoster, neighboursOf, signRoster } from '@shared/sync/roster';
import { BUNDLE_FORMAT, decodeBundle, encodeBundle, signBundle } from '@shared/sync/bundle';
import { decodeJsonGzip, encodeJsonGzip } from '@shared/sync/wire';

const A = DEMO_STATIONS.lvxiang;
const B = DEMO_STATIONS.zhapu;

describe('canonical encoding', () => {
  it('sorts keys at every depth, drops undefined and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, z: undefined })).toBe('{"a":{"c":true,"d":[1,"x",null]},"b":1}');
    expect(canonicalJson({ 名: '金山', a: 'é' })).toBe('{"a":"é","名":"金山"}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
  });
});

describe('events', () => {
  const content: EventContent = {
    v: PROTOCOL_VERSION,
    id: ulid(),
    type: 'sync.probe',
    aggregateId: `${A}:1`,
    authorStation: A,
    authorOfficer: '310000:012345',
    hlc: '1767225600000-0000',
    recipients: [B],
    links: [{ to: B, seq: 1, prev: GENESIS_HASH }],
    payload: { text: '你好' },
  };
  it('verifies with the author key only, and not after any change', () => {
    const event = signEvent(content, demoStationKey(A).secretKey);
    expect(verifyEvent(event, demoStationKey(A).publicKey)).toBe(true);
    expect(verifyEvent(event, demoStationKey(B).publicKey)).toBe(false);
    expect(verifyEvent({ ...event, links: [{ to: B, seq: 2, prev: GENESIS_HASH }] }, demoStationKey(A).publicKey)).toBe(false);
    expect(verifyEvent({ ...event, payload: { text: '你好!' } }, demoStationKey(A).publicKey)).toBe(false);
    expect(eventHash(event)).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(event)).not.toBe(eventHash(signEvent({ ...content, links: [{ to: B, seq: 2, prev: GENESIS_HASH }] }, demoStationKey(A).secretKey)));
  });

  it('requires sorted unique recipients without the author, each with its own link in the same order', () => {
    const C = DEMO_STATIONS.yaozhuang;
    const link = (to: string) => ({ to, seq: 1, prev: GENESIS_HASH });
    const two = [B, C].sort();
    expect(eventContent.safeParse({ ...content, recipients: two, links: two.map(link) }).success).toBe(true);
    expect(eventContent.safeParse({ ...content, recipients: [...two].reverse(), links: [...two].reverse().map(link) }).success).toBe(false);
    expect(eventContent.safeParse({ ...content, recipients: [B, B], links: [link(B), link(B)] }).success).toBe(false);
    expect(eventContent.safeParse({ ...content, recipients: [A], links: [link(A)] }).success).toBe(false);
    expect(eventContent.safeParse({ ...content, recipients: two, links: [link(B)] }).success).toBe(false);
  });
});

describe('hybrid logical clock', () => {
  it('never goes backwards and orders after what it has seen', () => {
    const t1 = tickHlc({ wall: 0, counter: 0 }, 1000);
    expect(t1).toEqual({ wall: 1000, counter: 0 });
    expect(tickHlc(t1, 900)).toEqual({ wall: 1000, counter: 1 });
    const seen = observeHlc(t1, { wall: 5000, counter: 3 });
    expect(tickHlc(seen, 1200)).toEqual({ wall: 5000, counter: 4 });
    expect(formatHlc({ wall: 5000, counter: 4 }) > formatHlc({ wall: 5000, counter: 3 })).toBe(true);
    expect(parseHlc(formatHlc({ wall: 1767225600000, counter: 12 }))).toEqual({ wall: 1767225600000, counter: 12 });
    expect(tickHlc({ wall: 10, counter: 9999 }, 5)).toEqual({ wall: 11, counter: 0 });
  });

  it('never lets a remote clock pull it more than the bound ahead, and repairs a poisoned stored value', () => {
    const now = 1_767_225_600_000;
    const mine = { wall: now, counter: 3 };
    expect(observeHlc(mine, { wall: now + HLC_MAX_AHEAD_MS, counter: 0 }, now)).toEqual({ wall: now + HLC_MAX_AHEAD_MS, counter: 0 });
    expect(observeHlc(mine, { wall: now + HLC_MAX_AHEAD_MS + 1, counter: 0 }, now)).toEqual(mine);
    expect(observeHlc(mine, parseHlc('9999999999999-9999'), now)).toEqual(mine);
    expect(repairHlc(parseHlc('9999999999999-9999'), now)).toEqual(HLC_ZERO);
    expect(formatHlc(tickHlc(repairHlc(parseHlc('9999999999999-9999'), now), now))).toMatch(/^\d{13}-\d{4}$/);
    expect(repairHlc(mine, now)).toEqual(mine);
  });
});

describe('trust roster', () => {
  it('accepts only newer rosters signed by the pinned root', () => {
    const signed = signedDemoRoster();
    expect(checkRoster(signed, DEMO_ROOT.publicKey)).toMatchObject({ ok: true });
    expect(checkRoster(signed, DEMO_ROOT.publicKey, 1)).toEqual({ ok: false, reason: 'notNewer' });
    expect(checkRoster(signed, generateKeyPair().publicKey)).toEqual({ ok: false, reason: 'badSignature' });
    const altered = { ...signed, roster: { ...signed.roster, version: 9 } };
    expect(checkRoster(altered, DEMO_ROOT.publicKey)).toEqual({ ok: false, reason: 'badSignature' });
    expect(checkRoster({ roster: {} }, DEMO_ROOT.publicKey)).toEqual({ ok: false, reason: 'malformed' });
    const other = signRoster({ ...demoRoster, version: 2 }, generateKeyPair().secretKey);
    expect(checkRoster(other, DEMO_ROOT.publicKey)).toEqual({ ok: false, reason: 'badSignature' });
  });

  it('knows the demo network neighbours: 五地七所 together, 合肥 alone', () => {
    const names = neighboursOf(demoRoster, A).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['乍浦镇派出所', '姚庄派出所', '蒸淀派出所', '新浜派出所']));
    expect(names).not.toContain('周庄派出所');
    expect(neighboursOf(demoRoster, DEMO_STATIONS.sanlian)).toEqual([]);
    expect(areNeighbours(demoRoster, DEMO_STATIONS.zhendian, DEMO_STATIONS.zhouzhuang)).toBe(true);
    expect(new Set(demoRoster.stations.map((s) => s.publicKey)).size).toBe(demoRoster.stations.length);
  });
});

describe('bundle format', () => {
  const lookup = (code: string) => demoRoster.stations.find((s) => s.code === code)?.publicKey;
  const bundle = signBundle({ format: BUNDLE_FORMAT, v: 1, id: ulid(), from: A, createdAt: new Date().toISOString(), batches: [] }, demoStationKey(A).secretKey);

  it('round-trips and authenticates the sender', () => {
    expect(decodeBundle(encodeBundle(bundle), lookup)).toMatchObject({ ok: true, bundle: { from: A } });
  });

  it('names what is wrong with a bad file', () => {
    const bytes = encodeBundle(bundle);
    expect(decodeBundle(bytes.slice(0, bytes.length - 10), lookup)).toEqual({ ok: false, problem: 'corrupt' });
    const decoded = decodeJsonGzip(bytes);
    if (!decoded.ok) throw new Error('decode');
    const value = decoded.value as Record<string, unknown>;
    expect(decodeBundle(encodeJsonGzip({ ...value, createdAt: '2020-01-01T00:00:00.000Z' }), lookup)).toEqual({ ok: false, problem: 'badSignature' });
    expect(decodeBundle(encodeJsonGzip({ ...value, v: 2 }), lookup)).toEqual({ ok: false, problem: 'unsupportedVersion' });
    expect(decodeBundle(encodeJsonGzip({ hello: 1 }), lookup)).toEqual({ ok: false, problem: 'notBundle' });
    expect(decodeBundle(encodeJsonGzip({ ...value, from: '320500000001' }), lookup)).toEqual({ ok: false, problem: 'unknownStation' });
  });
});
