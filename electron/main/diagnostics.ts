import { join } from 'node:path';
import { buildDiagnosticsZip, type CrashDumpEntry, type DiagnosticsExportArgs, type DiagnosticsHostInfo } from '@shared/diagnostics/diagnostics';
import type { MachinePolicyReport } from '@shared/policy/machine-policy';
import { LOG_ROTATED_FILES, logFileNames } from './log';

/**
 * 导出诊断信息 on the Electron side: reads the rotated main logs and lists the crash dumps, then builds the zip with
 * shared/diagnostics (which redacts every text on its way in). Crash dumps themselves stay on the PC: they are
 * process memory, which can hold whatever the renderer had on screen.
 */

export interface DiagnosticsDeps {
  host: DiagnosticsHostInfo;
  policies: MachinePolicyReport;
  logsDir: string;
  /** `app.getPath('crashDumps')`; Crashpad keeps dumps in subfolders (reports/ on Windows, completed/ elsewhere). */
  crashDumpsDir: string | null;
  /** The app's own folders (install folder): paths under them stay readable in the logs. */
  keepPathPrefixes: readonly string[];
  now(): Date;
  listDir(path: string): Promise<string[]>;
  readFile(path: string): Promise<Uint8Array>;
  fileSize(path: string): Promise<number>;
  modifiedAt(path: string): Promise<Date>;
}

/** A log file larger than this is cut to its last part (the rotation keeps each near 1 MiB). */
export const MAX_LOG_BYTES_IN_ZIP = 2 * 1024 * 1024;
export const MAX_CRASH_DUMPS_LISTED = 50;
const CRASH_SUBFOLDERS = ['', 'reports', 'completed', 'pending', 'new'];

async function listOrEmpty(deps: DiagnosticsDeps, dir: string): Promise<string[]> {
  try {
    return await deps.listDir(dir);
  } catch {
    return [];
  }
}

async function readLogs(deps: DiagnosticsDeps): Promise<{ name: string; text: string }[]> {
  const names = logFileNames(await listOrEmpty(deps, deps.logsDir)).slice(0, LOG_ROTATED_FILES + 1);
  const logs = [];
  for (const name of names) {
    const path = join(deps.logsDir, name);
    const bytes = await deps.readFile(path);
    const tail = bytes.length > MAX_LOG_BYTES_IN_ZIP ? bytes.subarray(bytes.length - MAX_LOG_BYTES_IN_ZIP) : bytes;
    logs.push({ name, text: new TextDecoder('utf-8', { fatal: false }).decode(tail) });
  }
  return logs;
}

async function listCrashDumps(deps: DiagnosticsDeps): Promise<CrashDumpEntry[]> {
  if (!deps.crashDumpsDir) return [];
  const dumps: CrashDumpEntry[] = [];
  for (const sub of CRASH_SUBFOLDERS) {
    const dir = sub ? join(deps.crashDumpsDir, sub) : deps.crashDumpsDir;
    for (const name of await listOrEmpty(deps, dir)) {
      if (!name.toLowerCase().endsWith('.dmp')) continue;
      const path = join(dir, name);
      dumps.push({ name: sub ? `${sub}/${name}` : name, bytes: await deps.fileSize(path), modifiedAt: (await deps.modifiedAt(path)).toISOString() });
    }
  }
  return dumps.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt)).slice(0, MAX_CRASH_DUMPS_LISTED);
}

/** The zip's bytes for one export. */
export async function diagnosticsZip(deps: DiagnosticsDeps, args: DiagnosticsExportArgs): Promise<Uint8Array> {
  return buildDiagnosticsZip(
    {
      createdAt: deps.now(),
      host: deps.host,
      schemaVersion: args.schemaVersion,
      sync: args.sync,
      policies: deps.policies,
      crashDumps: await listCrashDumps(deps),
      logs: await readLogs(deps),
    },
    { keepPathPrefixes: deps.keepPathPrefixes },
  );
}
