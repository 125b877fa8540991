// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BridgeError, HOST_BRIDGE_GLOBAL, bridgeContract, bridgeMethods, type HostBridge } from '@shared/bridge/contract';
import { createBrowserHost } from '@renderer/platform/host/browser-host';
import { callHost, installHost, preloadHost } from '@renderer/platform/host/client';

afterEach(() => {
  Reflect.deleteProperty(globalThis, HOST_BRIDGE_GLOBAL);
  vi.restoreAllMocks();
});

describe('browser host', () => {
  it('implements every method of the contract', () => {
    expect(Object.keys(createBrowserHost()).sort()).toEqual([...bridgeMethods].sort());
  });

  it('answers app.getInfo with a result the contract accepts', async () => {
    const reply = await createBrowserHost()['app.getInfo']({});
    expect(reply.ok).toBe(true);
    if (reply.ok) expect(bridgeContract['app.getInfo'].result.parse(reply.value).host).toBe('browser');
  });

  it('reports the version package.json states (设置 shows it), not a stand-in', async () => {
    const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../package.json'), 'utf8')) as { version: string };
    const reply = await createBrowserHost()['app.getInfo']({});
    expect(reply.ok && bridgeContract['app.getInfo'].result.parse(reply.value).appVersion).toBe(version);
    expect(version).not.toBe('0.0.0');
  });

  it('hands printing to the browser', async () => {
    const print = vi.fn();
    window.print = print;
    expect(await createBrowserHost()['print.toPdf']({ suggestedName: 'x.pdf' })).toEqual({ ok: true, value: { outcome: 'printed' } });
    expect(print).toHaveBeenCalledOnce();
  });

  it('saves through a download link with the suggested name', async () => {
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const reply = await createBrowserHost()['file.saveAs']({ suggestedName: '导出.csv', content: 'a,b' });
    expect(reply).toEqual({ ok: true, value: { outcome: 'saved', path: '导出.csv' } });
    expect(clicks).toEqual(['导出.csv']);
  });

  it('downloads bytes as they are, and text as UTF-8', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      if (blob instanceof Blob) blobs.push(blob);
      return 'blob:x';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await createBrowserHost()['file.saveAs']({ suggestedName: 'a.yrdb', content: new Uint8Array([1, 2, 255]) });
    await createBrowserHost()['file.saveAs']({ suggestedName: 'b.txt', content: '户' });
    const contents = await Promise.all(blobs.map(async (b) => Array.from(new Uint8Array(await b.arrayBuffer()))));
    expect(contents).toEqual([
      [1, 2, 255],
      [0xe6, 0x88, 0xb7],
    ]);
  });
});

describe('callHost', () => {
  const fake = (reply: unknown): HostBridge =>
    Object.fromEntries(bridgeMethods.map((m) => [m, async () => reply])) as unknown as HostBridge;

  // First in this file: no host is installed yet.
  it('refuses to guess a host before the composition root installs one', async () => {
    await expect(callHost('file.open', {})).rejects.toThrow('no host installed');
  });

  it('finds the bridge the preload exposed, and nothing in a plain browser', () => {
    expect(preloadHost()).toBeNull();
    const exposed = fake({ ok: true, value: { outcome: 'cancelled' } });
    Reflect.set(globalThis, HOST_BRIDGE_GLOBAL, exposed);
    expect(preloadHost()).toBe(exposed);
  });

  it('returns the parsed value', async () => {
    installHost(fake({ ok: true, value: { outcome: 'cancelled' } }));
    expect(await callHost('file.open', {})).toEqual({ outcome: 'cancelled' });
  });

  it('throws a typed error with the host code', async () => {
    installHost(fake({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'no' } }));
    const error = await callHost('file.open', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as BridgeError).code).toBe('FORBIDDEN_SENDER');
  });

  it('refuses a reply that does not match the contract', async () => {
    installHost(fake({ ok: true, value: { outcome: 'exploded' } }));
    await expect(callHost('file.open', {})).rejects.toThrow();
  });
});
