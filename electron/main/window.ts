import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';

/** What kind of build is running: decides DevTools and the application menu. */
export interface BuildKind {
  /**
   * DevTools and Electron's default menu: only in development (`electron-vite dev`, an unpackaged app). Every
   * packaged build, the test MSI included, has neither: Playwright drives the test build through the inspector
   * and CDP, not the DevTools window.
   */
  developerTools: boolean;
}

/**
 * Development only when unpackaged and not told otherwise: `NODE_ENV=production` (the unpackaged smoke test) can
 * only take DevTools away, and nothing on the command line or in the environment can give them to a packaged app.
 */
export function buildKind(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): BuildKind {
  return { developerTools: !isPackaged && env['NODE_ENV'] !== 'production' };
}

/** The only window options this app uses: every security switch set explicitly, never left to defaults. */
export function mainWindowOptions(preloadPath: string, kind: BuildKind = { developerTools: false }): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: '长三角警务协同·站所端',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Sync's in-progress heartbeats (a third of the exchange's 2 s ack wait) must keep their pace while the window is
      // minimised or behind another; throttled timers would let the exchange deliver a long apply twice.
      backgroundThrottling: false,
      // Off in production (issue 14 §3): without DevTools nobody at the PC can edit storage or call the bridge by hand.
      devTools: kind.developerTools,
    },
  };
}

/**
 * The application menu: none in production on Windows and Linux (no View → Toggle Developer Tools, no Reload; text
 * fields keep copy and paste, which Chromium handles without a menu). macOS needs an Edit menu for those shortcuts,
 * so it gets a minimal one with no developer items. In development: Electron's default menu (`undefined`).
 */
export function applicationMenuTemplate(platform: string, kind: BuildKind): MenuItemConstructorOptions[] | null | undefined {
  if (kind.developerTools) return undefined;
  if (platform !== 'darwin') return null;
  return [
    { role: 'appMenu', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] },
    { role: 'editMenu' },
    { role: 'windowMenu' },
  ];
}
