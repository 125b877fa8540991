import { describe, expect, it } from 'vitest';
import { clientVersionStatus, compareVersions } from '@shared/sync/client-version';
import { canonicalJson } from '@shared/sync/canonical';
import { generateKeyPair } from '@shared/sync/keys';
import { checkRoster, signRoster, signedRoster, type Roster } from '@shared/sync/roster';

const base: Roster = {
  version: 4,
  issuedAt: '2026-11-20T08:00:00.000Z',
  issuer: '长三角区域警务一体化办公室',
  groups: [{ id: 'wudi-qisuo', name: '五地七所' }],
  stations: [
    {
      code: '310118520000',
      name: '蒸淀派出所',
      province: '310000',
      districtCode: '310118',
      districtName: '青浦区',
      publicKey: 'a'.repeat(64),
      groups: ['wudi-qisuo'],
    },
  ],
};

describe('version order', () => {
  it('orders release versions numerically and prereleases below their release', () => {
    expect(compareVersions('0.2.0', '0.10.0')).toBe(-1);
    expect(compareVersions('1.0.0', '0.99.99')).toBe(1);
    expect(compareVersions('0.2.0', '0.2.0')).toBe(0);
    expect(compareVersions('0.2.0+build.7', '0.2.0')).toBe(0);
    expect(compareVersions('0.2.0-rc.1', '0.2.0')).toBe(-1);
    expect(compareVersions('0.2.0-rc.2', '0.2.0-rc.10')).toBe(-1);
    expect(compareVersions('0.2.0-rc.1', '0.2.0-beta')).toBe(1);
    expect(compareVersions('0.2.0-1', '0.2.0-alpha')).toBe(-1);
    expect(compareVersions('0.2', '0.2.0')).toBeNull();
    expect(compareVersions('v0.2.0', '0.2.0')).toBeNull();
  });
});

describe('clientVersionStatus', () => {
  it('is ok without a roster, without a minimum, and at or above it', () => {
    expect(clientVersionStatus('0.1.0', null)).toEqual({ status: 'ok' });
    expect(clientVersionStatus('0.1.0', base)).toEqual({ status: 'ok' });
    expect(clientVersionStatus('0.2.0', { ...base, minClientVersion: '0.2.0' })).toEqual({ status: 'ok' });
    expect(clientVersionStatus('0.3.1', { ...base, minClientVersion: '0.2.0' })).toEqual({ status: 'ok' });
  });

  it('below the minimum, says which version is needed and who to ask: the contact, with the issuer', () => {
    expect(clientVersionStatus('0.1.0', { ...base, minClientVersion: '0.2.0', upgradeContact: '一体化办公室运维组 021-12345678' })).toEqual({
      status: 'belowMinimum',
      appVersion: '0.1.0',
      minClientVersion: '0.2.0',
      askWho: { issuer: '长三角区域警务一体化办公室', contact: '一体化办公室运维组 021-12345678' },
      rosterVersion: 4,
    });
    expect(clientVersionStatus('0.2.0-rc.1', { ...base, minClientVersion: '0.2.0' })).toMatchObject({ status: 'belowMinimum', askWho: { contact: null } });
  });

  it('treats a malformed app version as below the minimum (the notice shows; the station keeps working)', () => {
    expect(clientVersionStatus('dev', { ...base, minClientVersion: '0.2.0' })).toMatchObject({ status: 'belowMinimum' });
  });
});

describe('minClientVersion in the signed roster', () => {
  const root = generateKeyPair();

  it('leaves rosters signed before the field existed valid: absent members are not in the canonical bytes', () => {
    const old = signRoster(base, root.secretKey);
    expect(canonicalJson(old.roster)).not.toContain('minClientVersion');
    const parsed = signedRoster.parse(JSON.parse(JSON.stringify(old)));
    expect(checkRoster(parsed, root.publicKey, 3)).toEqual({ ok: true, roster: base });
  });

  it('signs the minimum and the contact, so they cannot be added, changed or removed on the way', () => {
    const content: Roster = { ...base, version: 5, minClientVersion: '0.2.0', upgradeContact: '一体化办公室运维组' };
    const signed = signRoster(content, root.secretKey);
    expect(checkRoster(signed, root.publicKey, 4)).toMatchObject({ ok: true, roster: { minClientVersion: '0.2.0', upgradeContact: '一体化办公室运维组' } });
    expect(checkRoster({ ...signed, roster: { ...content, minClientVersion: '0.1.0' } }, root.publicKey, 4)).toEqual({ ok: false, reason: 'badSignature' });
    const { minClientVersion: _dropped, ...withoutMinimum } = content;
    expect(checkRoster({ ...signed, roster: withoutMinimum }, root.publicKey, 4)).toEqual({ ok: false, reason: 'badSignature' });
    const oldSigned = signRoster(base, root.secretKey);
    expect(checkRoster({ ...oldSigned, roster: { ...base, minClientVersion: '9.0.0' } }, root.publicKey, 3)).toEqual({ ok: false, reason: 'badSignature' });
  });

  it('refuses a malformed minimum or contact', () => {
    const bad = (extra: Partial<Roster>) => signedRoster.safeParse({ roster: { ...base, ...extra }, signature: 'a'.repeat(128) }).success;
    expect(bad({ minClientVersion: '0.2' })).toBe(false);
    expect(bad({ upgradeContact: ' padded ' })).toBe(false);
    expect(bad({ upgradeContact: 'x'.repeat(121) })).toBe(false);
    expect(bad({ minClientVersion: '0.2.0' })).toBe(true);
  });
});
