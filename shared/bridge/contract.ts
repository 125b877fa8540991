import { z } from 'zod';
import { diagnosticsExportArgs } from '../diagnostics/diagnostics';
import { machinePolicyReport } from '../policy/machine-policy';
import { sessionOpenOutcome, sessionSealRequest, sessionToken } from '../session/sealed-session';
import { HOST_BRIDGE_GLOBAL, bridgeChannel, bridgeMethodNames, type BridgeMethodName } from './methods';

/**
 * The host bridge: every call the renderer may make to its host (Electron main, or the browser host).
 * One entry per call: a zod schema for the single argument object and one for the result.
 * The preload exposes exactly these names; main validates both sides of every call against them.
 */

const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).min(1).max(10),
});

/** File names only: no folders, nothing that could walk out of a directory. */
const fileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\\/:*?"<>|]+$/, 'file name only')
  .refine((name) => ![...name].some((c) => c.charCodeAt(0) < 0x20), 'no control characters');

export const saveOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), path: z.string() }),
  z.object({ outcome: z.literal('cancelled') }),
]);

/** How a protected secret was stored: by the OS, or (browser host, development only) not at all. */
export const secretScheme = z.enum(['os-protected', 'development-unprotected']);
export type SecretScheme = z.infer<typeof secretScheme>;

/** At most this many packages are read from the machine-wide folder; each is small (a few KiB). */
export const MAX_MACHINE_PACKAGES = 20;
export const MACHINE_PACKAGE_EXTENSION = 'yrdp';
/** A provisioning package is a few KiB; anything much larger in that folder is not one. */
export const MAX_PACKAGE_BYTES = 1024 * 1024;
/** Files the renderer may open through the bridge are bundles, packages and backups: cap them. */
export const MAX_OPEN_BYTES = 256 * 1024 * 1024;
const MAX_SAVE_BYTES = 512 * 1024 * 1024;

/**
 * Bytes cross the bridge as Uint8Array: Electron's IPC and contextBridge carry typed arrays by structured clone,
 * so nothing is turned into base64 text and back on either side. (`z.instanceof` would type them as backed by an
 * ArrayBuffer only; a Node Buffer or a view of any buffer is as good.)
 */
const bytes = (maxBytes: number, minBytes = 0) =>
  z.custom<Uint8Array>(
    (value) => value instanceof Uint8Array && value.byteLength >= minBytes && value.byteLength <= maxBytes,
    `a Uint8Array of ${String(minBytes)} to ${String(maxBytes)} bytes`,
  );

export const bridgeContract = {
  /** Which host this is and what it runs on; shown in 设置 and used to adapt printing. */
  'app.getInfo': {
    args: z.object({}),
    result: z.object({
      host: z.enum(['electron', 'browser']),
      appVersion: z.string(),
      platform: z.string(),
      /** Set only in development and test builds. */
      isDevelopment: z.boolean(),
    }),
  },
  /** Render the current page's print layout (CSS @media print) to PDF and save it where the user chooses. */
  'print.toPdf': {
    args: z.object({
      suggestedName: fileName,
      landscape: z.boolean().default(false),
    }),
    result: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('saved'), path: z.string() }),
      z.object({ outcome: z.literal('cancelled') }),
      /** The browser host hands the page to the browser's own print / save-as-PDF dialog. */
      z.object({ outcome: z.literal('printed') }),
    ]),
  },
  /** Save text (written as UTF-8) or bytes to a file the user chooses. */
  'file.saveAs': {
    args: z.object({
      suggestedName: fileName,
      filters: z.array(fileFilter).max(10).default([]),
      content: z.union([z.string().max(MAX_SAVE_BYTES), bytes(MAX_SAVE_BYTES)]),
    }),
    result: saveOutcome,
  },
  /** Let the user pick one file and return its content. */
  'file.open': {
    args: z.object({ filters: z.array(fileFilter).max(10).default([]) }),
    result: z.discriminatedUnion('outcome', [
      z.object({
        outcome: z.literal('opened'),
        name: z.string(),
        content: bytes(MAX_OPEN_BYTES),
      }),
      z.object({ outcome: z.literal('cancelled') }),
    ]),
  },
  /**
   * Protect a secret (the station's signing key) with the OS: Electron safeStorage (DPAPI on Windows). The
   * browser host cannot, and says so with the `development-unprotected` scheme; Electron never accepts that one.
   */
  'secrets.protect': {
    args: z.object({ plaintext: bytes(4096, 1) }),
    result: z.object({ scheme: secretScheme, blob: bytes(16384) }),
  },
  'secrets.unprotect': {
    args: z.object({ scheme: secretScheme, blob: bytes(16384, 1) }),
    result: z.object({ plaintext: bytes(4096) }),
  },
  /** Provisioning packages an installer or group policy placed in the machine-wide folder (%ProgramData%\YRD Station). */
  'provisioning.findPackages': {
    args: z.object({}),
    result: z.object({
      folder: z.string(),
      packages: z
        .array(z.object({ name: z.string(), content: bytes(MAX_PACKAGE_BYTES), modifiedAt: z.string() }))
        .max(MAX_MACHINE_PACKAGES),
    }),
  },
  /**
   * Machine policies an installer set by group policy (HKLM\Software\Policies\YRD Station on Windows): they win
   * over local settings, and the UI shows such a setting as locked. The browser host has none.
   */
  'policy.get': {
    args: z.object({}),
    result: machinePolicyReport,
  },
  /**
   * 设置 → 导出诊断信息: a zip for support with the version, the host's logs (personal data removed), the sync status
   * and the schema version the renderer passes in, saved where the user chooses. Never resident data.
   */
  'diagnostics.export': {
    args: diagnosticsExportArgs,
    result: saveOutcome,
  },
  /**
   * The session that survives a reload, sealed by the host under a key the page cannot read (Electron: a per-boot
   * secret in main). `session.open` checks the seal, the expiry and that it is the window's newest token;
   * `session.end` (sign-out) makes no token of the window open any more. See shared/session/sealed-session.ts.
   */
  'session.seal': {
    args: sessionSealRequest,
    result: z.object({ token: sessionToken }),
  },
  'session.open': {
    args: z.object({ token: sessionToken }),
    result: sessionOpenOutcome,
  },
  'session.end': {
    args: z.object({}),
    result: z.object({}),
  },
} as const;

export type BridgeContract = typeof bridgeContract;
export type BridgeMethod = keyof BridgeContract;
export type BridgeArgs<M extends BridgeMethod> = z.input<BridgeContract[M]['args']>;
export type BridgeParsedArgs<M extends BridgeMethod> = z.output<BridgeContract[M]['args']>;
export type BridgeResult<M extends BridgeMethod> = z.output<BridgeContract[M]['result']>;

/** The contract's methods in order: the same list the preload uses (shared/bridge/methods.ts). */
export const bridgeMethods: readonly BridgeMethod[] = bridgeMethodNames;

// The written-out list and the contract's keys are one set: either side missing a name fails the type check.
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatchContract: SameSet<BridgeMethodName, BridgeMethod> = true;
void namesMatchContract;

/** Every failure crosses the bridge as one of these codes, never as a raw exception. */
export const bridgeErrorCode = z.enum(['FORBIDDEN_SENDER', 'INVALID_ARGS', 'INVALID_RESULT', 'UNKNOWN_METHOD', 'HOST_ERROR']);
export type BridgeErrorCode = z.infer<typeof bridgeErrorCode>;

export const bridgeError = z.object({ code: bridgeErrorCode, message: z.string() });
export type BridgeErrorData = z.infer<typeof bridgeError>;

/** The envelope main answers with: a discriminated result, so the renderer never needs try/catch over IPC. */
export const bridgeReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: bridgeError }),
]);
export type BridgeReply = z.infer<typeof bridgeReply>;

/** The object the preload exposes on window, and the browser host implements: one function per call. */
export type HostBridge = {
  [M in BridgeMethod]: (args: BridgeArgs<M>) => Promise<BridgeReply>;
};

export { HOST_BRIDGE_GLOBAL, bridgeChannel };

export class BridgeError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

export function isBridgeMethod(name: string): name is BridgeMethod {
  return Object.prototype.hasOwnProperty.call(bridgeContract, name);
}
