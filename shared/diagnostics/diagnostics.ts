import { strToU8, zipSync } from 'fflate';
import { z } from 'zod';
import { machinePolicyReport } from '../policy/machine-policy';

/**
 * 导出诊断信息 (issue 19 §6): what a station sends to support when something goes wrong. The zip holds the app and
 * host versions, the schema version, the sync status (counts and states only), the machine policies in force, a
 * list of crash dumps (names, sizes, times: never their contents, which are process memory) and the host's log
 * files. No personal data: nothing here reads resident, officer or case records, the sync status schema admits no
 * free Chinese text, and every text file passes `redactPersonalData` (ID numbers, phone numbers, e-mail addresses,
 * file paths outside the app's own folders) on its way into the zip. tests/unit/electron/diagnostics.test.ts checks
 * a zip against planted personal data.
 */

export const DIAGNOSTICS_FORMAT = 'yrd-diagnostics';

/** The sync engine's connection states (renderer/sync/status-store.ts). */
export const diagnosticsConnectionState = z.enum(['notConfigured', 'offline', 'online', 'syncing', 'error']);

/** A technical error text from the network layer: printable ASCII only, so no name can ride along. */
const technicalText = z
  .string()
  .max(300)
  .regex(/^[\x20-\x7e]*$/, 'printable ASCII only (technical error text, never a person\'s data)');

export const diagnosticsSyncStatus = z
  .object({
    state: diagnosticsConnectionState,
    /** Events written here and not yet acknowledged by the exchange. */
    pendingEvents: z.number().int().min(0).max(100_000_000),
    /** The connection error, as the network layer reported it (e.g. `CONNECTION_REFUSED`), or null. */
    lastError: technicalText.nullable(),
    /** When the last exchange round finished, or null. */
    lastSyncAt: z.iso.datetime().nullable(),
    /** Version of the signed roster this station holds, or null before provisioning. */
    rosterVersion: z.number().int().min(0).nullable(),
    /** The station's 12-digit organisation code (an office's code, not a person's), or null. */
    stationCode: z.string().regex(/^\d{12}$/).nullable(),
  })
  .strict();
export type DiagnosticsSyncStatus = z.infer<typeof diagnosticsSyncStatus>;

/** The file name the user is offered: a plain name ending in .zip. */
const zipFileName = z
  .string()
  .min(5)
  .max(200)
  .regex(/^[^\\/:*?"<>|]+\.zip$/i, 'a file name ending in .zip')
  .refine((name) => ![...name].some((c) => c.charCodeAt(0) < 0x20), 'no control characters');

export const diagnosticsExportArgs = z
  .object({
    suggestedName: zipFileName,
    /** The station database's schema version (renderer/platform/db/schema.ts). */
    schemaVersion: z.number().int().min(0).max(100_000),
    sync: diagnosticsSyncStatus,
  })
  .strict();
export type DiagnosticsExportArgs = z.infer<typeof diagnosticsExportArgs>;

export const crashDumpEntry = z.object({ name: z.string(), bytes: z.number().int().min(0), modifiedAt: z.string() });
export type CrashDumpEntry = z.infer<typeof crashDumpEntry>;

export interface DiagnosticsHostInfo {
  host: 'electron' | 'browser';
  appVersion: string;
  /** Electron, Chromium and Node versions (the browser host: its user agent's browser version, if any). */
  versions: Record<string, string>;
  platform: string;
  arch: string;
  osRelease: string;
}

export interface DiagnosticsInput {
  createdAt: Date;
  host: DiagnosticsHostInfo;
  schemaVersion: number;
  sync: DiagnosticsSyncStatus;
  policies: z.infer<typeof machinePolicyReport>;
  crashDumps: readonly CrashDumpEntry[];
  /** Log files: a name (e.g. `main.log`, `main.1.log`) and their text. */
  logs: readonly { name: string; text: string }[];
}

export interface RedactOptions {
  /** Folder prefixes that are the app's own (install folder, resources): paths under them are kept. */
  keepPathPrefixes?: readonly string[];
}

const MARK = { id: '[id-number]', phone: '[phone]', email: '[email]', path: '[path]' } as const;

/** 18-digit resident ID numbers (last digit may be X), and the old 15-digit ones. */
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
/** Mainland mobile numbers (with or without +86) and landlines with an area code. */
const MOBILE = /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g;
// Bounded, and anchored to the start of a run by the look-behind: linear on long lines, never quadratic.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;
/**
 * Absolute paths: Windows (drive, either slash, or UNC), file: URLs and POSIX under a user's or a mount's folder. A path the user chose (a
 * certificate saved as D:\证明\张三 户籍证明.pdf) can carry a name, so a path runs to the end of its quote or line
 * (spaces included: better too much cut than a name left) and only the app's own folders are kept.
 */
const WINDOWS_PATH = /(?:file:\/\/|(?<![A-Za-z0-9])[A-Za-z]:[\\/]|\\\\[^\\\s"'<>|]+\\)[^\r\n"'<>|*?]*/g;
const POSIX_PATH = /(?<![\w.:/])\/(?:home|Users|media|mnt|tmp|root|run\/media|var\/folders)\/[^\r\n"'<>|]*/g;

/** Removes personal data patterns from a text: ID numbers, phone numbers, e-mail addresses, foreign paths. */
export function redactPersonalData(text: string, options: RedactOptions = {}): string {
  // The app's own folders are set aside first (a private-use token no pattern matches), then put back.
  const keep = [...(options.keepPathPrefixes ?? [])].filter((p) => p.length > 3).sort((a, b) => b.length - a.length);
  let out = text.replace(/\uE000/g, '');
  keep.forEach((prefix, i) => {
    out = out.split(prefix).join(`\uE000${i}\uE000`);
  });
  out = out
    .replace(WINDOWS_PATH, MARK.path)
    .replace(POSIX_PATH, MARK.path)
    .replace(EMAIL, MARK.email)
    .replace(ID_NUMBER, MARK.id)
    .replace(MOBILE, MARK.phone)
    .replace(LANDLINE, MARK.phone);
  return out.replace(/\uE000(\d+)\uE000/g, (_, i: string) => keep[Number(i)] ?? '');
}

/** The manifest at the top of the zip: everything but the logs. */
export function diagnosticsManifest(input: DiagnosticsInput) {
  return {
    format: DIAGNOSTICS_FORMAT,
    version: 1,
    createdAt: input.createdAt.toISOString(),
    app: input.host,
    schemaVersion: input.schemaVersion,
    sync: diagnosticsSyncStatus.parse(input.sync),
    policies: machinePolicyReport.parse(input.policies),
    crashDumps: {
      count: input.crashDumps.length,
      note: 'Crash dumps stay on this PC (they hold process memory); support collects them in person if needed.',
      files: input.crashDumps.map((d) => crashDumpEntry.parse(d)),
    },
    logs: input.logs.map((l) => l.name),
  };
}

const safeEntryName = (name: string): string => name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'log';

/** Builds the zip: `diagnostics.json` and `logs/<name>`, every text redacted on its way in. */
export function buildDiagnosticsZip(input: DiagnosticsInput, options: RedactOptions = {}): Uint8Array {
  const manifest = redactPersonalData(JSON.stringify(diagnosticsManifest(input), null, 2), options);
  const files: Record<string, Uint8Array> = { 'diagnostics.json': strToU8(manifest) };
  for (const log of input.logs) files[`logs/${safeEntryName(log.name)}`] = strToU8(redactPersonalData(log.text, options));
  return zipSync(files, { level: 6, mtime: input.createdAt });
}
