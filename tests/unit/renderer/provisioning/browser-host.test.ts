// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { bridgeContract } from '@shared/bridge/contract';
import { DEV_MACHINE_PACKAGES_KEY, createBrowserHost } from '@renderer/platform/host/browser-host';

afterEach(() => localStorage.clear());

describe('browser host: secrets and machine packages (development only)', () => {
  it('labels secrets as unprotected and returns them unchanged', async () => {
    const host = createBrowserHost();
    const reply = await host['secrets.protect']({ plaintext: new Uint8Array([1, 2, 3]) });
    expect(reply).toEqual({ ok: true, value: { scheme: 'development-unprotected', blob: new Uint8Array([1, 2, 3]) } });
    expect(await host['secrets.unprotect']({ scheme: 'development-unprotected', blob: new Uint8Array([1, 2, 3]) })).toEqual({
      ok: true,
      value: { plaintext: new Uint8Array([1, 2, 3]) },
    });
  });

  it('finds packages placed in localStorage, and none when nothing or garbage is there', async () => {
    const host = createBrowserHost();
    const empty = await host['provisioning.findPackages']({});
    expect(empty.ok && bridgeContract['provisioning.findPackages'].result.parse(empty.value).packages).toEqual([]);
    localStorage.setItem(DEV_MACHINE_PACKAGES_KEY, JSON.stringify([{ name: 'a.yrdp', contentBase64: 'e30=' }]));
    const found = await host['provisioning.findPackages']({});
    // localStorage holds text: the dev store's base64 becomes bytes at this edge, as Electron reads them from files.
    const packages = found.ok ? bridgeContract['provisioning.findPackages'].result.parse(found.value).packages : [];
    expect(packages.map((p) => [p.name, new TextDecoder().decode(p.content)])).toEqual([['a.yrdp', '{}']]);
    localStorage.setItem(DEV_MACHINE_PACKAGES_KEY, '{not json');
    const broken = await host['provisioning.findPackages']({});
    expect(broken.ok && bridgeContract['provisioning.findPackages'].result.parse(broken.value).packages).toEqual([]);
  });
});
