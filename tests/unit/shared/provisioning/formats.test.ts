import { describe, expect, it } from 'vitest';
import { decodeBackup, encodeBackup, BackupFormatError, type StationBackup } from '../../../../shared/provisioning/backup';
import { DEFAULT_EXCHANGE_LIMITS, jetStreamDefinitionsFor } from '../../../../shared/provisioning/jetstream';
import { rootFingerprint } from '../../../../shared/provisioning/package';
import { fromTagged, toTagged, UnsupportedValueError } from '../../../../shared/provisioning/tagged-json';
import type { Roster } from '../../../../shared/sync/roster';

describe('tagged JSON (backup rows)', () => {
  it('keeps dates, bytes, buffers, undefined and objects that look like tags', () => {
    const value = {
      at: new Date('2026-11-23T08:00:00.123Z'),
      photo: Uint8Array.from([0, 1, 254, 255]),
      raw: Uint8Array.from([9, 8]).buffer,
      gone: undefined,
      list: [new Date(0), null, '文本', 1.5, { $yrd: 'date', v: 'not really a date', extra: 1 }],
      tricky: { $yrd: 'bytes', v: 'AAAA' },
    };
    const back = fromTagged(JSON.parse(JSON.stringify(toTagged(value)))) as typeof value;
    expect(back).toEqual(value);
    expect(back.at).toBeInstanceOf(Date);
    expect(back.photo).toBeInstanceOf(Uint8Array);
    expect(back.raw).toBeInstanceOf(ArrayBuffer);
    expect('gone' in back).toBe(true);
    expect(back.tricky).toEqual({ $yrd: 'bytes', v: 'AAAA' });
  });

  it('refuses values it cannot restore faithfully rather than lose them', () => {
    expect(() => toTagged({ when: new Map() })).toThrow(UnsupportedValueError);
    expect(() => toTagged({ big: 10n })).toThrow(UnsupportedValueError);
  });
});

describe('backup payload', () => {
  const backup: StationBackup = {
    format: 'yrd-station-backup',
    version: 1,
    createdAt: '2026-11-23T08:00:00.000Z',
    schemaVersion: 7,
    station: null,
    createdBy: 'x',
    tables: [{ name: 'meta', keys: null, rows: [{ key: 'a', value: new Date(5), updatedAt: '' }] }],
    secrets: { stationSecretKey: null },
  };

  it('round-trips and compresses', () => {
    expect(decodeBackup(encodeBackup(backup))).toEqual(backup);
  });

  it('refuses bytes that are not a backup, and a backup whose keys and rows disagree', () => {
    expect(() => decodeBackup(Uint8Array.from([1, 2, 3]))).toThrow(BackupFormatError);
    const uneven = { ...backup, tables: [{ name: 'x', keys: [1, 2], rows: [{}] }] };
    expect(() => decodeBackup(encodeBackup(uneven))).toThrow(/keys and rows/);
  });
});

describe('JetStream definitions', () => {
  const roster: Roster = {
    version: 3,
    issuedAt: '2026-11-23T08:00:00.000Z',
    issuer: 'office',
    groups: [{ id: 'g', name: 'G' }],
    stations: ['310118520000', '330421520000'].map((code) => ({
      code,
      name: '某派出所',
      province: code.startsWith('31') ? ('310000' as const) : ('330000' as const),
      districtCode: code.slice(0, 6),
      districtName: '某区',
      publicKey: 'a'.repeat(64),
      groups: ['g'],
    })),
  };

  it('has one work-queue stream per author, quota per inbox, and one explicit-ack consumer per recipient neighbour', () => {
    const defs = jetStreamDefinitionsFor(roster, 3);
    expect(defs.streams.map((s) => s.stream.name)).toEqual(['YRD_FROM_310118520000', 'YRD_FROM_330421520000']);
    const [first] = defs.streams;
    expect(first?.stream).toMatchObject({ subjects: ['yrd.inbox.*.310118520000'], retention: 'workqueue', storage: 'file', num_replicas: 3 });
    expect(first?.stream).toMatchObject({ discard: 'new', discard_new_per_subject: true, max_msgs_per_subject: 10_000, max_age: 60 * 24 * 3600 * 1e9 });
    expect(first?.stream.duplicate_window).toBe(24 * 60 * 60 * 1e9);
    expect(first?.consumers.map((c) => [c.durable_name, c.filter_subject, c.ack_policy, c.ack_wait])).toEqual([
      ['inbox_330421520000', 'yrd.inbox.330421520000.310118520000', 'explicit', 2e9],
    ]);
    const longer = jetStreamDefinitionsFor(roster, 1, { ...DEFAULT_EXCHANGE_LIMITS, maxAgeDays: 180 });
    expect(longer.streams[0]?.stream.max_age).toBe(180 * 24 * 3600 * 1e9);
  });

  it('prints a root fingerprint in readable groups', () => {
    expect(rootFingerprint('ab'.repeat(32))).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
  });
});
