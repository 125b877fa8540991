import { z } from 'zod';
import type { BridgeReply, HostBridge } from '@shared/bridge/contract';
import { bridgeContract } from '@shared/bridge/contract';
import { fromBase64 } from '@shared/bytes';
import { buildDiagnosticsZip } from '@shared/diagnostics/diagnostics';
import { NO_MACHINE_POLICIES } from '@shared/policy/machine-policy';
import { createBrowserSessionSealer } from './browser-session-seal';

/**
 * The host bridge for a plain browser (e2e tests, `npm run dev:web`): the same contract the preload exposes,
 * implemented with what a web page can do: downloads, a file input, and the browser's own print dialog.
 */

const ok = (value: unknown): BridgeReply => ({ ok: true, value });

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

/**
 * Development only: a browser has no machine-wide folder, so `npm run dev:web` and e2e tests place provisioning
 * packages under this localStorage key ({ name, contentBase64 }[]) to exercise automatic discovery. localStorage
 * holds text, so the bytes are base64 there and become bytes here, as Electron's host reads them from files.
 */
export const DEV_MACHINE_PACKAGES_KEY = 'yrd.dev.machinePackages';

const devMachinePackage = z.object({ name: z.string(), contentBase64: z.string(), modifiedAt: z.string().default(new Date(0).toISOString()) });

function devMachinePackages(): unknown[] {
  try {
    const list = z.array(devMachinePackage).parse(JSON.parse(localStorage.getItem(DEV_MACHINE_PACKAGES_KEY) ?? '[]'));
    return list.map(({ name, contentBase64, modifiedAt }) => ({ name, content: fromBase64(contentBase64), modifiedAt }));
  } catch {
    return [];
  }
}

export function createBrowserHost(): HostBridge {
  const sessions = createBrowserSessionSealer();
  return {
    'app.getInfo': async () =>
      ok({ host: 'browser', appVersion: import.meta.env['VITE_APP_VERSION'] ?? '0.0.0', platform: navigator.platform, isDevelopment: import.meta.env.DEV }),
    'print.toPdf': async () => {
      window.print();
      return ok({ outcome: 'printed' });
    },
    'file.saveAs': async (raw) => {
      const args = bridgeContract['file.saveAs'].args.parse(raw);
      const blob =
        typeof args.content === 'string'
          ? new Blob([args.content], { type: 'text/plain;charset=utf-8' })
          : new Blob([new Uint8Array(args.content)], { type: 'application/octet-stream' });
      download(args.suggestedName, blob);
      return ok({ outcome: 'saved', path: args.suggestedName });
    },
    'file.open': async (raw) => {
      const args = bridgeContract['file.open'].args.parse(raw);
      const accept = args.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
      const file = await pickFile(accept);
      if (!file) return ok({ outcome: 'cancelled' });
      return ok({ outcome: 'opened', name: file.name, content: new Uint8Array(await file.arrayBuffer()) });
    },
    // A web page has no OS secret store: the key is kept as is, and the scheme says it is for development only.
    'secrets.protect': async (raw) => {
      const args = bridgeContract['secrets.protect'].args.parse(raw);
      return ok({ scheme: 'development-unprotected', blob: new Uint8Array(args.plaintext) });
    },
    'secrets.unprotect': async (raw) => {
      const args = bridgeContract['secrets.unprotect'].args.parse(raw);
      return ok({ plaintext: new Uint8Array(args.blob) });
    },
    'provisioning.findPackages': async () => {
      const packages = bridgeContract['provisioning.findPackages'].result.shape.packages.safeParse(devMachinePackages());
      return ok({ folder: `localStorage:${DEV_MACHINE_PACKAGES_KEY}`, packages: packages.success ? packages.data : [] });
    },
    // A web page has no registry: no machine policies, so nothing in 设置 is locked.
    'policy.get': async () => ok(NO_MACHINE_POLICIES),
    // The same zip as Electron's, without host logs or crash dumps (a web page has neither).
    'diagnostics.export': async (raw) => {
      const args = bridgeContract['diagnostics.export'].args.parse(raw);
      const zip = buildDiagnosticsZip({
        createdAt: new Date(),
        host: { host: 'browser', appVersion: import.meta.env['VITE_APP_VERSION'] ?? '0.0.0', versions: {}, platform: navigator.platform, arch: '', osRelease: '' },
        schemaVersion: args.schemaVersion,
        sync: args.sync,
        policies: NO_MACHINE_POLICIES,
        crashDumps: [],
        logs: [],
      });
      download(args.suggestedName, new Blob([new Uint8Array(zip)], { type: 'application/zip' }));
      return ok({ outcome: 'saved', path: args.suggestedName });
    },
    // A weaker stand-in for main's per-boot secret: see browser-session-seal.ts and docs/security.md.
    'session.seal': async (raw) => ok({ token: await sessions.seal(bridgeContract['session.seal'].args.parse(raw), 'tab') }),
    'session.open': async (raw) => ok(await sessions.open(bridgeContract['session.open'].args.parse(raw).token, 'tab')),
    'session.end': async () => {
      await sessions.end('tab');
      return ok({});
    },
  };
}
