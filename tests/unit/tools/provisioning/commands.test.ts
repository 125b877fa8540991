import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addGroup, addStation, exportPackage, init, list, setMinClientVersion, signRosterCommand, type AdminContext } from '../../../../tools/admin/commands';
import { oneTimePassphrase } from '../../../../tools/admin/passphrase';
import { packageStationLabel } from '../../../../shared/provisioning/package';
import { parseSealed } from '../../../../shared/provisioning/sealed';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function office(passphrase = 'the office passphrase'): Promise<AdminContext & { lines: string[] }> {
  dir = await mkdtemp(join(tmpdir(), 'yrd-admin-unit-'));
  const lines: string[] = [];
  const ctx = { dir, passphrase: async () => passphrase, out: (l: string) => void lines.push(l), scryptN: 1 << 10, lines };
  await init(ctx, { issuer: '长三角区域警务一体化办公室' });
  await addGroup(ctx, { id: 'wudi-qisuo', name: '五地七所' });
  return ctx;
}

const zhendian = { code: '310118520000', name: '蒸淀派出所', province: '310000', districtCode: '310118', groups: ['wudi-qisuo'] };

describe('admin tool commands', () => {
  it('refuses inconsistent station facts with a reason', async () => {
    const ctx = await office();
    await expect(addStation(ctx, { ...zhendian, districtCode: '330421' })).rejects.toThrow('不属于省');
    await expect(addStation(ctx, { ...zhendian, code: '330421520000' })).rejects.toThrow('前 6 位');
    await expect(addStation(ctx, { ...zhendian, groups: ['nope'] })).rejects.toThrow('未知协作组');
    await addStation(ctx, zhendian);
    await expect(addStation(ctx, zhendian)).rejects.toThrow('站所已存在');
    await expect(init(ctx, { issuer: 'again' })).rejects.toThrow('工作区已存在');
  });

  it('will not export a package before the roster is signed, nor after stations changed since', async () => {
    const ctx = await office();
    await addStation(ctx, zhendian);
    await expect(exportPackage(ctx, { code: zhendian.code })).rejects.toThrow('尚未签发名册');
    await signRosterCommand(ctx);
    await addStation(ctx, { ...zhendian, code: '310118530000', name: '商榻派出所' });
    await expect(exportPackage(ctx, { code: zhendian.code })).rejects.toThrow('有变化');
    await signRosterCommand(ctx);
    const { passphrase, path } = await exportPackage(ctx, { code: zhendian.code });
    expect(passphrase).toMatch(/^([A-HJKMNP-Z2-9]{4}-){4}[A-HJKMNP-Z2-9]{4}$/);
    // The label an installer reads before typing the passphrase names the station, not only its code.
    expect(packageStationLabel(parseSealed(await readFile(path, 'utf8'), 'provisioning-package').meta)).toBe('蒸淀派出所 310118520000');
    await list(ctx);
    expect(ctx.lines.join('\n')).toContain('roster v2');
  });

  it('sets a minimum client version that the next signed roster carries, and clears it', async () => {
    const ctx = await office();
    await addStation(ctx, zhendian);
    await expect(setMinClientVersion(ctx, { version: '0.2' })).rejects.toThrow('版本号无效');
    await setMinClientVersion(ctx, { version: '0.2.0', contact: '一体化办公室运维组 021-12345678' });
    expect((await signRosterCommand(ctx)).roster).toMatchObject({ minClientVersion: '0.2.0', upgradeContact: '一体化办公室运维组 021-12345678' });
    await exportPackage(ctx, { code: zhendian.code });
    // A changed minimum makes the signed roster stale until it is signed again.
    await setMinClientVersion(ctx, { version: '0.3.0' });
    await expect(exportPackage(ctx, { code: zhendian.code })).rejects.toThrow('有变化');
    expect((await signRosterCommand(ctx)).roster).toMatchObject({ minClientVersion: '0.3.0', upgradeContact: '一体化办公室运维组 021-12345678' });
    await setMinClientVersion(ctx, { clear: true });
    const cleared = (await signRosterCommand(ctx)).roster;
    expect(cleared.minClientVersion).toBeUndefined();
    expect(cleared.upgradeContact).toBeUndefined();
    await list(ctx);
    expect(ctx.lines.join('\n')).toContain('最低客户端版本 minimum client version 0.2.0');
  });

  it('needs the office passphrase for anything secret', async () => {
    const ctx = await office();
    const wrong = { ...ctx, passphrase: async () => 'not the office passphrase' };
    await expect(addStation(wrong, zhendian)).rejects.toMatchObject({ code: 'wrongPassphrase' });
  });

  it('makes one-time passphrases that differ', () => {
    expect(new Set(Array.from({ length: 50 }, oneTimePassphrase)).size).toBe(50);
  });
});
