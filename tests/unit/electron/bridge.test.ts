import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { bridgeChannel, bridgeMethods } from '@shared/bridge/contract';
import { dispatch, isTrustedSender, registerBridge, type BridgeHandlers } from '../../../electron/main/bridge';
import { APP_ORIGIN } from '../../../electron/main/origin';

/** A top frame has no parent; a subframe's parent is the frame that holds it. */
const mainFrame = { url: 'app://station/index.html#/records', parent: null };
const subframe = (url: string) => ({ url, parent: mainFrame });

function eventFrom(frame: { url: string; parent: unknown } | null): IpcMainInvokeEvent {
  // sender.mainFrame is a fresh object on purpose: the check must not depend on frame object identity.
  return { senderFrame: frame, sender: { mainFrame: { url: mainFrame.url, parent: null } } } as unknown as IpcMainInvokeEvent;
}

function handlers(overrides: Partial<BridgeHandlers> = {}): BridgeHandlers {
  return {
    'app.getInfo': async () => ({ host: 'electron', appVersion: '1.2.3', platform: 'win32', isDevelopment: false }),
    'print.toPdf': async () => ({ outcome: 'cancelled' }),
    'file.saveAs': async () => ({ outcome: 'saved', path: 'C:\\x.txt' }),
    'file.open': async () => ({ outcome: 'cancelled' }),
    'secrets.protect': async () => ({ scheme: 'os-protected', blob: new Uint8Array([0]) }),
    'secrets.unprotect': async () => ({ plaintext: new Uint8Array([0]) }),
    'provisioning.findPackages': async () => ({ folder: '', packages: [] }),
    'policy.get': async () => ({ source: 'none', key: '', policies: {}, ignored: [] }),
    'diagnostics.export': async () => ({ outcome: 'cancelled' }),
    'session.seal': async () => ({ token: 'e30=.AA==' }),
    'session.open': async () => ({ outcome: 'refused', reason: 'badSeal' }),
    'session.end': async () => ({}),
    ...overrides,
  };
}

describe('bridge sender check', () => {
  it('accepts only the top frame of our own origin', () => {
    expect(isTrustedSender(eventFrom(mainFrame), [APP_ORIGIN])).toBe(true);
    expect(isTrustedSender(eventFrom({ ...mainFrame }), [APP_ORIGIN])).toBe(true);
    expect(isTrustedSender(eventFrom(subframe('app://station/frame.html')), [APP_ORIGIN])).toBe(false);
    expect(isTrustedSender(eventFrom({ url: 'https://evil.example/', parent: null }), [APP_ORIGIN])).toBe(false);
    expect(isTrustedSender(eventFrom(null), [APP_ORIGIN])).toBe(false);
  });
});

describe('bridge dispatch', () => {
  it('answers a valid call from a trusted sender with the validated result', async () => {
    const reply = await dispatch('app.getInfo', eventFrom(mainFrame), {}, handlers(), [APP_ORIGIN]);
    expect(reply).toEqual({ ok: true, value: { host: 'electron', appVersion: '1.2.3', platform: 'win32', isDevelopment: false } });
  });

  it('refuses an untrusted sender before touching the handler', async () => {
    const spy = vi.fn(async () => ({ outcome: 'cancelled' as const }));
    const reply = await dispatch('file.open', eventFrom(subframe('app://station/x')), {}, handlers({ 'file.open': spy }), [APP_ORIGIN]);
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses arguments that break the schema (e.g. a path in a file name)', async () => {
    const spy = vi.fn(async () => ({ outcome: 'cancelled' as const }));
    const reply = await dispatch(
      'file.saveAs',
      eventFrom(mainFrame),
      { suggestedName: '..\\..\\Windows\\evil.dll', content: 'x' },
      handlers({ 'file.saveAs': spy }),
      [APP_ORIGIN],
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(spy).not.toHaveBeenCalled();
  });

  it('carries bytes as Uint8Array: base64 text, an empty secret or oversized bytes are refused', async () => {
    const spy = vi.fn(async () => ({ scheme: 'os-protected' as const, blob: new Uint8Array([9]) }));
    const call = (args: unknown) => dispatch('secrets.protect', eventFrom(mainFrame), args, handlers({ 'secrets.protect': spy }), [APP_ORIGIN]);
    expect(await call({ plaintext: new Uint8Array([1, 2, 3]) })).toEqual({ ok: true, value: { scheme: 'os-protected', blob: new Uint8Array([9]) } });
    for (const plaintext of ['AQID', new Uint8Array(0), new Uint8Array(4097)]) {
      expect(await call({ plaintext })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    }
    expect(spy).toHaveBeenCalledOnce();
  });

  it('applies schema defaults before the handler sees the arguments', async () => {
    const spy = vi.fn(async () => ({ outcome: 'cancelled' as const }));
    await dispatch('print.toPdf', eventFrom(mainFrame), { suggestedName: 'cert.pdf' }, handlers({ 'print.toPdf': spy }), [APP_ORIGIN]);
    expect(spy).toHaveBeenCalledWith({ suggestedName: 'cert.pdf', landscape: false }, expect.anything());
  });

  it('never lets an invalid result or a thrown error cross as anything but a typed error', async () => {
    const bad = handlers({ 'app.getInfo': async () => ({ host: 'mainframe' }) as never });
    expect(await dispatch('app.getInfo', eventFrom(mainFrame), {}, bad, [APP_ORIGIN])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_RESULT' },
    });
    const throwing = handlers({
      'file.open': async () => {
        throw new Error('disk on fire');
      },
    });
    expect(await dispatch('file.open', eventFrom(mainFrame), {}, throwing, [APP_ORIGIN])).toEqual({
      ok: false,
      error: { code: 'HOST_ERROR', message: 'disk on fire' },
    });
  });

  it('logs a failure as the method and a code, never the arguments or the error message', async () => {
    const lines: string[] = [];
    const log = { info: (...d: unknown[]) => lines.push(d.join(' ')), warn: (...d: unknown[]) => lines.push(d.join(' ')), error: (...d: unknown[]) => lines.push(d.join(' ')) };
    const failing = handlers({
      'file.saveAs': async () => {
        throw Object.assign(new Error("EACCES: permission denied, open 'D:\\证明\\王小明 户籍证明.pdf'"), { code: 'EACCES' });
      },
    });
    const args = { suggestedName: '王小明 320102199001011234.txt', content: '13812345678' };
    await dispatch('file.saveAs', eventFrom(mainFrame), args, failing, [APP_ORIGIN], log);
    await dispatch('file.saveAs', eventFrom(mainFrame), { ...args, content: 13812345678 }, failing, [APP_ORIGIN], log);
    await dispatch('file.saveAs', eventFrom(subframe('app://station/x')), args, failing, [APP_ORIGIN], log);
    expect(lines).toEqual(['bridge: file.saveAs HOST_ERROR EACCES', 'bridge: file.saveAs INVALID_ARGS at content', 'bridge: file.saveAs FORBIDDEN_SENDER']);
  });

  it('registers exactly one handler per contract method', () => {
    const handle = vi.fn();
    registerBridge({ handle }, handlers(), [APP_ORIGIN]);
    expect(handle.mock.calls.map((call) => call[0])).toEqual(bridgeMethods.map(bridgeChannel));
  });
});
