import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import {
  BridgeError,
  bridgeChannel,
  bridgeContract,
  bridgeMethods,
  type BridgeMethod,
  type BridgeParsedArgs,
  type BridgeReply,
  type BridgeResult,
} from '@shared/bridge/contract';
import type { MainLog } from './log';
import { originOf } from './origin';

/** What main does for each bridge call; arguments arrive already validated. */
export type BridgeHandlers = {
  [M in BridgeMethod]: (args: BridgeParsedArgs<M>, event: IpcMainInvokeEvent) => Promise<BridgeResult<M>>;
};

/** The part of an IPC event the sender check reads: the frame that sent it (null once it navigated or closed). */
type SenderEvent = { senderFrame: Pick<WebFrameMain, 'url' | 'parent'> | null };

/**
 * Only our own page's top frame may call: never a subframe (`parent !== null`), never another origin. The frame
 * is asked for its parent rather than compared with `sender.mainFrame`, which is a different object per access.
 */
export function isTrustedSender(event: SenderEvent, allowedOrigins: readonly string[]): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  const origin = originOf(frame.url);
  return origin !== null && allowedOrigins.includes(origin);
}

function fail(code: BridgeError['code'], message: string): BridgeReply {
  return { ok: false, error: { code, message } };
}

/** A Node error's code (EACCES, ENOENT, …): what a log line may say about a failure, never its message or path. */
function errorCode(error: unknown): string {
  const code = error && typeof error === 'object' && 'code' in error ? error.code : null;
  return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? code : error instanceof Error ? error.name : 'unknown';
}

/**
 * Runs one call through sender check → argument schema → handler → result schema. Failures are logged as the
 * method and a code only: arguments, results and error messages can carry a person's data or a chosen path.
 */
export async function dispatch<M extends BridgeMethod>(
  method: M,
  event: IpcMainInvokeEvent,
  rawArgs: unknown,
  handlers: BridgeHandlers,
  allowedOrigins: readonly string[],
  log?: MainLog,
): Promise<BridgeReply> {
  if (!isTrustedSender(event, allowedOrigins)) {
    log?.warn(`bridge: ${method} FORBIDDEN_SENDER`);
    return fail('FORBIDDEN_SENDER', `${method}: sender not allowed`);
  }
  const spec = bridgeContract[method];
  const parsed = spec.args.safeParse(rawArgs);
  if (!parsed.success) {
    log?.warn(`bridge: ${method} INVALID_ARGS at ${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}`);
    return fail('INVALID_ARGS', `${method}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  try {
    const handler = handlers[method] as (args: unknown, event: IpcMainInvokeEvent) => Promise<unknown>;
    const value = await handler(parsed.data, event);
    const checked = spec.result.safeParse(value);
    if (!checked.success) {
      log?.error(`bridge: ${method} INVALID_RESULT`);
      return fail('INVALID_RESULT', `${method}: host returned an invalid result`);
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    if (error instanceof BridgeError) {
      log?.warn(`bridge: ${method} ${error.code}`);
      return fail(error.code, error.message);
    }
    log?.error(`bridge: ${method} HOST_ERROR ${errorCode(error)}`);
    return fail('HOST_ERROR', error instanceof Error ? error.message : String(error));
  }
}

/** Registers one ipcMain handler per contract method; nothing else is ever listened to. */
export function registerBridge(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: BridgeHandlers,
  allowedOrigins: readonly string[],
  log?: MainLog,
): void {
  for (const method of bridgeMethods) {
    ipcMain.handle(bridgeChannel(method), (event, rawArgs: unknown) =>
      dispatch(method, event, rawArgs, handlers, allowedOrigins, log),
    );
  }
}
