import { BrowserWindow, app, dialog, ipcMain, net, protocol, safeStorage, session } from 'electron';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { registerBridge } from './bridge';
import { createHandlers, machinePackageDirFor } from './handlers';
import { APP_ENTRY_URL, APP_SCHEME, trustedOrigins } from './origin';
import { mimeTypeFor, resolveAppPath } from './protocol';
import { denyAllPermissions, lockDownContents } from './security';
import { mainWindowOptions } from './window';

// Must run before `ready`: a standard, secure scheme gets a real origin, so IndexedDB and CSP behave as on https.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const allowedOrigins = trustedOrigins(devServerUrl);
const rendererRoot = join(import.meta.dirname, '../renderer');
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');

let mainWindow: BrowserWindow | null = null;

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const path = resolveAppPath(rendererRoot, request.url);
    if (!path) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(path).toString());
    if (!response.ok) return response;
    return new Response(response.body, { status: 200, headers: { 'content-type': mimeTypeFor(path) } });
  });
}

function createWindow(): void {
  const options = mainWindowOptions(preloadPath);
  // The isolation switches restated where electronegativity looks for them (it cannot follow the factory call);
  // they equal the factory's (tests/unit/electron/window-and-security.test.ts). See docs/security.md.
  mainWindow = new BrowserWindow({ ...options, webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false } });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(devServerUrl ?? APP_ENTRY_URL);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, allowedOrigins));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    serveRenderer();
    registerBridge(
      ipcMain,
      createHandlers({
        appVersion: app.getVersion(),
        platform: process.platform,
        isDevelopment: !app.isPackaged,
        documentsDir: app.getPath('documents'),
        windowOf: (event) => BrowserWindow.fromWebContents(event.sender),
        showSaveDialog: (owner, options) => (owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options)),
        showOpenDialog: (owner, options) => (owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options)),
        writeFile: (path, data) => writeFile(path, data),
        readFile: async (path) => new Uint8Array(await readFile(path)),
        fileSize: async (path) => (await stat(path)).size,
        safeStorage,
        machinePackageDir: machinePackageDirFor(process.platform, process.env),
        listDir: (path) => readdir(path),
        modifiedAt: async (path) => (await stat(path)).mtime,
      }),
      allowedOrigins,
    );
    createWindow();
  });
}
