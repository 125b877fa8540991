import { describe, expect, it, vi } from 'vitest';
import { mainWindowOptions } from '../../../electron/main/window';
import { denyAllPermissions, lockDownContents } from '../../../electron/main/security';
import { APP_ORIGIN, originOf, trustedOrigins } from '../../../electron/main/origin';

describe('main window options', () => {
  it('turns on every isolation switch explicitly', () => {
    const prefs = mainWindowOptions('/app/preload/index.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('origins', () => {
  it('treats app://station as our one fixed origin, plus the dev server only when given', () => {
    expect(originOf('app://station/index.html#/records')).toBe(APP_ORIGIN);
    expect(trustedOrigins(undefined)).toEqual([APP_ORIGIN]);
    expect(trustedOrigins('http://localhost:5173/')).toEqual([APP_ORIGIN, 'http://localhost:5173']);
    expect(originOf('::nonsense')).toBeNull();
  });
});

type Listener = (event: { preventDefault: () => void }, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: (() => { action: string }) | null = null;
  return {
    listeners,
    open: () => openHandler?.(),
    contents: {
      setWindowOpenHandler: (handler: () => { action: 'deny' }) => {
        openHandler = handler;
      },
      on: (name: string, listener: Listener) => {
        listeners.set(name, listener);
      },
    },
  };
}

describe('web contents lock-down', () => {
  it('denies window.open and blocks navigation to any other origin', () => {
    const fake = fakeContents();
    lockDownContents(fake.contents as never, [APP_ORIGIN]);
    expect(fake.open()).toEqual({ action: 'deny' });

    const away = { preventDefault: vi.fn() };
    fake.listeners.get('will-navigate')?.(away, 'https://example.com/phish');
    expect(away.preventDefault).toHaveBeenCalled();

    const redirect = { preventDefault: vi.fn() };
    fake.listeners.get('will-redirect')?.(redirect, 'file:///etc/passwd');
    expect(redirect.preventDefault).toHaveBeenCalled();

    const inside = { preventDefault: vi.fn() };
    fake.listeners.get('will-navigate')?.(inside, 'app://station/index.html#/sync');
    expect(inside.preventDefault).not.toHaveBeenCalled();

    const webview = { preventDefault: vi.fn() };
    fake.listeners.get('will-attach-webview')?.(webview, '');
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    let request: (c: unknown, p: string, cb: (granted: boolean) => void) => void = () => undefined;
    let check: () => boolean = () => true;
    denyAllPermissions({
      setPermissionRequestHandler: (h: never) => {
        request = h;
      },
      setPermissionCheckHandler: (h: never) => {
        check = h;
      },
    } as never);
    const callback = vi.fn();
    request(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(check()).toBe(false);
  });
});
