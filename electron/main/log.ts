import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { inspect } from 'node:util';
import electronLog from 'electron-log/node';
import { redactPersonalData } from '@shared/diagnostics/diagnostics';

/**
 * The main process's log (issue 19 §6): electron-log's file transport writing `<userData>/logs/main.log`, rotated
 * at 1 MiB into main.1.log … main.4.log (so at most 5 MiB). `electron-log/node` rather than `electron-log/main`:
 * the latter registers its own ipcMain channels for renderer logging, and main listens on the bridge's channels
 * only (docs/ARCHITECTURE.md "The host bridge"). Every message passes `redactPersonalData` before it is written,
 * and main logs codes and method names, never arguments or records (the renderer's data never reaches this file).
 */

/** What the rest of main logs through; tests pass a fake. */
export interface MainLog {
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
}

export const LOG_FILE_NAME = 'main.log';
export const LOG_MAX_BYTES = 1024 * 1024;
/** main.log plus this many rotated files. */
export const LOG_ROTATED_FILES = 4;

/**
 * Rotates `path` (main.log) to main.1.log, main.1.log to main.2.log, …; the oldest beyond `keep` is deleted.
 * Synchronous, as electron-log's archive hook must be.
 */
export function rotateLogFiles(path: string, keep: number): void {
  const dir = dirname(path);
  const ext = extname(path);
  const stem = basename(path, ext);
  const nth = (n: number) => join(dir, `${stem}.${n}${ext}`);
  rmSync(nth(keep), { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) if (existsSync(nth(n))) renameSync(nth(n), nth(n + 1));
  if (existsSync(path)) renameSync(path, nth(1));
}

/** The log files in `dir` in order, newest first: main.log, main.1.log, … (only those that exist). */
export function logFileNames(names: readonly string[]): string[] {
  const ext = extname(LOG_FILE_NAME);
  const stem = basename(LOG_FILE_NAME, ext);
  const order = (name: string): number => {
    if (name === LOG_FILE_NAME) return 0;
    const match = new RegExp(`^${stem}\\.(\\d+)\\${ext}$`).exec(name);
    return match ? Number(match[1]) : -1;
  };
  return names.filter((n) => order(n) >= 0).sort((a, b) => order(a) - order(b));
}

function redactValue(value: unknown, keepPathPrefixes: readonly string[]): string {
  const text = typeof value === 'string' ? value : value instanceof Error ? (value.stack ?? value.message) : inspect(value, { depth: 4, breakLength: Infinity });
  return redactPersonalData(text, { keepPathPrefixes });
}

export interface LogOptions {
  logsDir: string;
  /** Told to electron-log, which otherwise looks for a package.json to name the app (and writes nothing without one). */
  appName: string;
  /** The app's own folders (install folder): kept in paths; every other path is cut. */
  keepPathPrefixes: readonly string[];
  /** Also print to the console (development). */
  console: boolean;
  /** Separate logger instances for tests. */
  logId?: string;
}

/** Sets up the rotating, redacting file log and returns it. */
export function createMainLog(options: LogOptions): MainLog {
  const log = electronLog.create({ logId: options.logId ?? 'main' });
  const file = log.transports.file;
  file.setAppName(options.appName);
  file.resolvePathFn = () => join(options.logsDir, LOG_FILE_NAME);
  file.maxSize = LOG_MAX_BYTES;
  file.level = 'info';
  file.sync = true;
  file.archiveLogFn = (old) => rotateLogFiles(old.path, LOG_ROTATED_FILES);
  log.transports.console.level = options.console ? 'info' : false;
  for (const name of ['ipc', 'remote'] as const) {
    const transport = log.transports[name];
    if (transport) transport.level = false;
  }
  log.hooks.push((message) => ({ ...message, data: message.data.map((d) => redactValue(d, options.keepPathPrefixes)) }));
  return { info: (...d) => log.info(...d), warn: (...d) => log.warn(...d), error: (...d) => log.error(...d) };
}

/** A log that writes nothing (unit tests, and before the log folder is known). */
export const silentLog: MainLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
