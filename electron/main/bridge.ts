import type { IpcMain, IpcMainInvokeEvent } from 'electron';
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
import { originOf } from './origin';

/** What main does for each bridge call; arguments arrive already validated. */
export type BridgeHandlers = {
  [M in BridgeMethod]: (args: BridgeParsedArgs<M>, event: IpcMainInvokeEvent) => Promise<BridgeResult<M>>;
};

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'> & { sender: Pick<IpcMainInvokeEvent['sender'], 'mainFrame'> };

/** Only our own page's top frame may call: never a subframe, never another origin. */
export function isTrustedSender(event: SenderEvent, allowedOrigins: readonly string[]): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame !== event.sender.mainFrame) return false;
  const origin = originOf(frame.url);
  return origin !== null && allowedOrigins.includes(origin);
}

function fail(code: BridgeError['code'], message: string): BridgeReply {
  return { ok: false, error: { code, message } };
}

/** Runs one call through sender check → argument schema → handler → result schema. */
export async function dispatch<M extends BridgeMethod>(
  method: M,
  event: IpcMainInvokeEvent,
  rawArgs: unknown,
  handlers: BridgeHandlers,
  allowedOrigins: readonly string[],
): Promise<BridgeReply> {
  if (!isTrustedSender(event, allowedOrigins)) return fail('FORBIDDEN_SENDER', `${method}: sender not allowed`);
  const spec = bridgeContract[method];
  const parsed = spec.args.safeParse(rawArgs);
  if (!parsed.success) return fail('INVALID_ARGS', `${method}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  try {
    const handler = handlers[method] as (args: unknown, event: IpcMainInvokeEvent) => Promise<unknown>;
    const value = await handler(parsed.data, event);
    const checked = spec.result.safeParse(value);
    if (!checked.success) return fail('INVALID_RESULT', `${method}: host returned an invalid result`);
    return { ok: true, value: checked.data };
  } catch (error) {
    if (error instanceof BridgeError) return fail(error.code, error.message);
    return fail('HOST_ERROR', error instanceof Error ? error.message : String(error));
  }
}

/** Registers one ipcMain handler per contract method; nothing else is ever listened to. */
export function registerBridge(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: BridgeHandlers,
  allowedOrigins: readonly string[],
): void {
  for (const method of bridgeMethods) {
    ipcMain.handle(bridgeChannel(method), (event, rawArgs: unknown) =>
      dispatch(method, event, rawArgs, handlers, allowedOrigins),
    );
  }
}
