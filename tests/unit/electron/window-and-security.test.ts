import { describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate, buildKind, mainWindowOptions } from '../../../electron/main/window';
import { denyAllPermissions, lockDownContents } from '../../../electron/main/security';
import { APP_ORIGIN, originOf, trustedOrigins } from '../../../electron/main/origin';

const production = buildKind(true, {});

describe('main window options', () => {
  it('turns on every isolation switch explicitly', () => {
    const prefs = mainWindowOptions('/app/preload/index.cjs', production).webPreferences;
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

  it('keeps timers at full pace in the background, so sync heartbeats beat inside the exchange ack wait', async () => {
    const { DEFAULT_EXCHANGE_LIMITS } = await import('../../../shared/provisioning/jetstream');
    expect(mainWindowOptions('/p', production).webPreferences?.backgroundThrottling).toBe(false);
    // Throttled, a hidden page's timers fire at most once a second: that must stay well inside the ack wait.
    expect(DEFAULT_EXCHANGE_LIMITS.ackWaitMs).toBeGreaterThanOrEqual(2 * 1000);
  });

  it('has no DevTools in a packaged build, whatever the environment says', () => {
    expect(mainWindowOptions('/p', buildKind(true, {})).webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/p', buildKind(true, { NODE_ENV: 'development' })).webPreferences?.devTools).toBe(false);
    // The default, too, is the production one.
    expect(mainWindowOptions('/p').webPreferences?.devTools).toBe(false);
  });

  it('has DevTools only unpackaged (electron-vite dev), and NODE_ENV=production takes them away there too', () => {
    expect(mainWindowOptions('/p', buildKind(false, {})).webPreferences?.devTools).toBe(true);
    expect(mainWindowOptions('/p', buildKind(false, { NODE_ENV: 'production' })).webPreferences?.devTools).toBe(false);
  });
});

describe('application menu', () => {
  it('is removed in production on Windows and Linux (no Toggle Developer Tools, no Reload)', () => {
    expect(applicationMenuTemplate('win32', production)).toBeNull();
    expect(applicationMenuTemplate('linux', production)).toBeNull();
  });

  it('is minimal on macOS: app, edit and window roles only, nothing for developers', () => {
    const menu = applicationMenuTemplate('darwin', production) ?? [];
    expect(menu.map((item) => item.role)).toEqual(['appMenu', 'editMenu', 'windowMenu']);
    const roles = JSON.stringify(menu);
    for (const devRole of ['toggleDevTools', 'reload', 'forceReload', 'viewMenu']) expect(roles).not.toContain(devRole);
  });

  it('stays Electron\'s default (undefined: not set) only in development', () => {
    expect(applicationMenuTemplate('win32', buildKind(false, {}))).toBeUndefined();
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

type Details = { url: string; preventDefault: () => void };
type Listener = (details: Details, deprecatedUrl?: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    listeners,
    open: (url: string) => openHandler?.({ url }),
    contents: {
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) => {
        openHandler = handler;
      },
      on: (name: string, listener: Listener) => {
        listeners.set(name, listener);
      },
    },
  };
}

const navigation = (url: string): Details => ({ url, preventDefault: vi.fn() });

describe('web contents lock-down', () => {
  it('denies window.open and blocks navigation to any other origin', () => {
    const fake = fakeContents();
    const refused = vi.fn();
    lockDownContents(fake.contents as never, [APP_ORIGIN], refused);
    expect(fake.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(refused).toHaveBeenCalledWith('window-open', 'https://example.com');

    const away = navigation('https://example.com/phish');
    fake.listeners.get('will-navigate')?.(away);
    expect(away.preventDefault).toHaveBeenCalled();
    expect(refused).toHaveBeenCalledWith('navigate', 'https://example.com');

    const redirect = navigation('file:///etc/passwd');
    fake.listeners.get('will-redirect')?.(redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();

    const inside = navigation('app://station/index.html#/sync');
    fake.listeners.get('will-navigate')?.(inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();

    const webview = navigation('');
    fake.listeners.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('reads details.url, never the deprecated url argument', () => {
    const fake = fakeContents();
    lockDownContents(fake.contents as never, [APP_ORIGIN]);
    // An attacker-shaped mismatch: the deprecated argument says "ours", details says "away". details wins.
    const away = navigation('https://example.com/');
    fake.listeners.get('will-navigate')?.(away, 'app://station/index.html');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = navigation('app://station/index.html');
    fake.listeners.get('will-navigate')?.(inside, 'https://example.com/');
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('guards subframe navigations too, letting only empty frames and our origin through', () => {
    const fake = fakeContents();
    lockDownContents(fake.contents as never, [APP_ORIGIN]);
    const frame = fake.listeners.get('will-frame-navigate');
    const away = navigation('https://example.com/');
    frame?.(away);
    expect(away.preventDefault).toHaveBeenCalled();
    for (const url of ['about:blank', 'app://station/print.html']) {
      const ok = navigation(url);
      frame?.(ok);
      expect(ok.preventDefault).not.toHaveBeenCalled();
    }
    const data = navigation('data:text/html,<script>alert(1)</script>');
    frame?.(data);
    expect(data.preventDefault).toHaveBeenCalled();
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
