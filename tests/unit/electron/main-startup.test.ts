import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

/**
 * electron/main/index.ts started against a fake Electron (the binary cannot run here): what it does before and at
 * `ready`, in order. The real app is started by the Windows and Linux workflow jobs (tests/e2e/electron.smoke.spec.ts).
 */
const state = vi.hoisted(() => ({
  calls: [] as unknown[][],
  userData: '',
  ready: null as null | (() => void),
}));

vi.mock('electron', () => {
  const record = (name: string) => (...args: unknown[]) => void state.calls.push([name, ...args.map((a) => (typeof a === 'function' ? 'fn' : a))]);
  const whenReady = new Promise<void>((resolve) => (state.ready = resolve));
  class BrowserWindow {
    constructor(options: { webPreferences: Record<string, unknown> }) {
      state.calls.push(['new BrowserWindow', options.webPreferences]);
    }
    once() {}
    on() {}
    loadURL(url: string) {
      state.calls.push(['loadURL', url]);
      return Promise.resolve();
    }
    static fromWebContents() {
      return null;
    }
  }
  return {
    app: {
      isPackaged: true,
      getName: () => 'yrd-station',
      getVersion: () => '0.2.0',
      requestSingleInstanceLock: () => true,
      setAppLogsPath: record('app.setAppLogsPath'),
      getPath: (name: string) => join(state.userData, name),
      commandLine: { appendSwitch: record('appendSwitch') },
      on: record('app.on'),
      quit: record('app.quit'),
      whenReady: () => whenReady,
    },
    protocol: { registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'), handle: record('protocol.handle') },
    crashReporter: { start: record('crashReporter.start') },
    Menu: { setApplicationMenu: record('Menu.setApplicationMenu'), buildFromTemplate: (t: unknown) => t },
    session: { defaultSession: { setPermissionRequestHandler: record('setPermissionRequestHandler'), setPermissionCheckHandler: record('setPermissionCheckHandler') } },
    ipcMain: { handle: record('ipcMain.handle') },
    BrowserWindow,
    dialog: {},
    net: {},
    safeStorage: {},
  };
});

state.userData = mkdtempSync(join(tmpdir(), 'yrd-main-'));
afterAll(() => rmSync(state.userData, { recursive: true, force: true }));

describe('main process start-up (fake Electron)', () => {
  it('keeps crash dumps local, logs, and at ready removes the menu and opens a window without DevTools', async () => {
    await import('../../../electron/main/index');
    const names = () => state.calls.map((c) => c[0]);
    // Before ready: the privileged scheme, local-only crash dumps, the log; nothing of the window yet.
    expect(names().slice(0, 3)).toEqual(['protocol.registerSchemesAsPrivileged', 'crashReporter.start', 'app.setAppLogsPath']);
    expect(state.calls[1]).toEqual(['crashReporter.start', { uploadToServer: false, compress: true }]);
    expect(names()).not.toContain('new BrowserWindow');

    state.ready?.();
    await vi.waitFor(() => expect(names()).toContain('loadURL'));
    expect(state.calls.find((c) => c[0] === 'Menu.setApplicationMenu')).toEqual(['Menu.setApplicationMenu', null]);
    expect(state.calls.find((c) => c[0] === 'new BrowserWindow')?.[1]).toMatchObject({ devTools: false, contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(state.calls.filter((c) => c[0] === 'ipcMain.handle').map((c) => c[1])).toContain('yrd:policy.get');
    expect(state.calls.find((c) => c[0] === 'loadURL')?.[1]).toBe('app://station/index.html');
    expect(names().indexOf('Menu.setApplicationMenu')).toBeLessThan(names().indexOf('new BrowserWindow'));

    const log = readFileSync(join(state.userData, 'logs', 'main.log'), 'utf8');
    expect(log).toMatch(/\[info\] {2}start: yrd-station 0\.2\.0/);
  });
});
