// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { bridgeContract } from '@shared/bridge/contract';
import { DEV_MACHINE_PACKAGES_KEY, createBrowserHost } from '@renderer/platform/host/browser-host';

afterEach(() => localStorage.clear());

describe('browser host: secrets and machine packages (development only)', () => {
  it('labels secrets as unprotected and returns them unchanged', async () => {
    const host = createBrowserHost();
    const reply = await host['secrets.protect']({ plaintextBase64: 'AQID' });
    expect(reply).toEqual({ ok: true, value: { scheme: 'development-unprotected', protectedBase64: 'AQID' } });
    expect(await host['secrets.unprotect']({ scheme: 'development-unprotected', protectedBase64: 'AQID' })).toEqual({
      ok: true,
      value: { plaintextBase64: 'AQID' },
    });
  });

  it('finds packages placed in localStorage, and none when nothing or garbage is there', async () => {
    const host = createBrowserHost();
    const empty = await host['provisioning.findPackages']({});
    expect(empty.ok && bridgeContract['provisioning.findPackages'].result.parse(empty.value).packages).toEqual([]);
    localStorage.setItem(DEV_MACHINE_PACKAGES_KEY, JSON.stringify([{ name: 'a.yrdp', contentBase64: 'e30=' }]));
    const found = await host['provisioning.findPackages']({});
    expect(found.ok && bridgeContract['provisioning.findPackages'].result.parse(found.value).packages.map((p) => p.name)).toEqual(['a.yrdp']);
    localStorage.setItem(DEV_MACHINE_PACKAGES_KEY, '{not json');
    const broken = await host['provisioning.findPackages']({});
    expect(broken.ok && bridgeContract['provisioning.findPackages'].result.parse(broken.value).packages).toEqual([]);
  });
});
