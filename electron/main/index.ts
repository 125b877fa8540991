import { BrowserWindow, Menu, app, crashReporter, dialog, ipcMain, net, protocol, safeStorage, session } from 'electron';
import { execFileSync } from 'node:child_process';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { release } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { registerBridge } from './bridge';
import { createHandlers, machinePackageDirFor } from './handlers';
import { createMainSessionSealer, newSessionSecret } from './session-seal';
import { createMainLog } from './log';
import { APP_ENTRY_URL, APP_SCHEME, trustedOrigins } from './origin';
import { readMachinePolicies, regExeReader, sslVersionMinSwitch } from './policy';
import { mimeTypeFor, resolveAppPath } from './protocol';
import { denyAllPermissions, lockDownContents } from './security';
import { applicationMenuTemplate, buildKind, mainWindowOptions } from './window';

// Must run before `ready`: a standard, secure scheme gets a real origin, so IndexedDB and CSP behave as on https.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

const kind = buildKind(app.isPackaged, process.env);
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const allowedOrigins = trustedOrigins(devServerUrl);
const rendererRoot = join(import.meta.dirname, '../renderer');
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
/** The install folder (C:\Program Files\YRDStation): the one folder whose paths stay readable in logs. */
const installDir = dirname(process.execPath);

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
  const options = mainWindowOptions(preloadPath, kind);
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
  // Crash dumps stay on this PC (app.getPath('crashDumps')): nothing is ever uploaded. 导出诊断信息 lists them.
  crashReporter.start({ uploadToServer: false, compress: true });
  app.setAppLogsPath();
  const logsDir = app.getPath('logs');
  const log = createMainLog({ logsDir, appName: app.getName(), keepPathPrefixes: [installDir], console: kind.developerTools });
  log.info(`start: ${app.getName()} ${app.getVersion()} · Electron ${process.versions.electron} · ${process.platform} ${process.arch} ${release()}${app.isPackaged ? '' : ' · unpackaged'}`);
  process.on('uncaughtExceptionMonitor', (error) => log.error('main: uncaught exception', error));

  // Machine policies are read once, synchronously, before `ready`: the minimum TLS version is a Chromium switch.
  const policies = readMachinePolicies({
    platform: process.platform,
    reader: regExeReader((file, args, options) => execFileSync(file, args, options), process.env),
    log,
  });
  const sslVersionMin = sslVersionMinSwitch(policies);
  if (sslVersionMin) app.commandLine.appendSwitch('ssl-version-min', sslVersionMin);

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) =>
    lockDownContents(contents, allowedOrigins, (what, origin) => log.warn(`security: refused ${what} to ${origin ?? 'an unparsable URL'}`)),
  );
  app.on('render-process-gone', (_event, _contents, details) => log.error(`renderer gone: ${details.reason} (exit ${details.exitCode})`));
  app.on('child-process-gone', (_event, details) => log.error(`child process gone: ${details.type} ${details.reason} (exit ${details.exitCode})`));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    const menu = applicationMenuTemplate(process.platform, kind);
    if (menu !== undefined) Menu.setApplicationMenu(menu === null ? null : Menu.buildFromTemplate(menu));
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
        machinePackageDir: machinePackageDirFor(process.platform, process.env, policies),
        listDir: (path) => readdir(path),
        modifiedAt: async (path) => (await stat(path)).mtime,
        policies,
        // A new secret every start: a session sealed in an earlier run never opens (docs/security.md).
        sessions: createMainSessionSealer(newSessionSecret()),
        diagnostics: {
          host: {
            host: 'electron',
            appVersion: app.getVersion(),
            versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
            platform: process.platform,
            arch: process.arch,
            osRelease: release(),
          },
          logsDir,
          crashDumpsDir: app.getPath('crashDumps'),
          keepPathPrefixes: [installDir],
          now: () => new Date(),
        },
      }),
      allowedOrigins,
      log,
    );
    createWindow();
  });
}
