import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromUtf8, utf8 } from '@shared/bytes';
import type { ProvisioningPackage } from '@shared/provisioning/package';
import { openSealed, parseSealed, seal } from '@shared/provisioning/sealed';
import { addGroup, addStation, exportPackage, init, rotateStation, signRosterCommand, type AdminContext } from '../../../../tools/admin/commands';
import { webCryptoAesGcm } from '../../../../shared/provisioning/aes-gcm';

/** An integration office made with the admin tool's own commands (cheap key derivation), for import tests. */
export const ZHENDIAN = '310118520000';
export const YAOZHUANG = '330421520000';
export const FAST_N = 1 << 10;

export interface ExportedPackage {
  text: string;
  passphrase: string;
}

export interface OfficeFixture {
  ctx: AdminContext;
  exportFor(code: string): Promise<ExportedPackage>;
  rotate(code: string): Promise<void>;
  dispose(): Promise<void>;
}

export async function makeOffice(issuer = '长三角区域警务一体化办公室'): Promise<OfficeFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'yrd-office-'));
  const ctx: AdminContext = { dir, passphrase: async () => 'fixture office passphrase', out: () => undefined, scryptN: FAST_N };
  await init(ctx, { issuer, exchangeUrl: 'wss://exchange.yrd.example:8443' });
  await addGroup(ctx, { id: 'wudi-qisuo', name: '五地七所' });
  await addStation(ctx, { code: ZHENDIAN, name: '蒸淀派出所', province: '310000', districtCode: '310118', groups: ['wudi-qisuo'] });
  await addStation(ctx, { code: YAOZHUANG, name: '姚庄派出所', province: '330000', districtCode: '330421', groups: ['wudi-qisuo'] });
  await signRosterCommand(ctx);
  return {
    ctx,
    async exportFor(code) {
      const { path, passphrase } = await exportPackage(ctx, { code });
      return { text: await readFile(path, 'utf8'), passphrase };
    },
    async rotate(code) {
      await rotateStation(ctx, { code });
      await signRosterCommand(ctx);
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Opens a package, lets the test change its content, and seals it again under the same passphrase. */
export async function resealed(exported: ExportedPackage, change: (pkg: ProvisioningPackage) => ProvisioningPackage): Promise<ExportedPackage> {
  const envelope = parseSealed(exported.text, 'provisioning-package');
  const content = JSON.parse(fromUtf8(await openSealed(envelope, exported.passphrase, webCryptoAesGcm))) as ProvisioningPackage;
  const sealed = await seal(utf8(JSON.stringify(change(content))), { purpose: 'provisioning-package', passphrase: exported.passphrase, meta: envelope.meta, scryptN: FAST_N }, webCryptoAesGcm);
  return { text: JSON.stringify(sealed), passphrase: exported.passphrase };
}
