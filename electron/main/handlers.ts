import type { BrowserWindow, IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { basename, join } from 'node:path';
import type { BridgeHandlers } from './bridge';

/** The slice of Electron and the file system the handlers use, injected so they are tested without Electron. */
export interface HostDeps {
  appVersion: string;
  platform: string;
  isDevelopment: boolean;
  documentsDir: string;
  windowOf(event: IpcMainInvokeEvent): BrowserWindow | null;
  showSaveDialog(owner: BrowserWindow | null, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(owner: BrowserWindow | null, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  fileSize(path: string): Promise<number>;
}

/** Files the renderer may open through the bridge are bundles, packages and backups: cap them. */
export const MAX_OPEN_BYTES = 256 * 1024 * 1024;

export function createHandlers(deps: HostDeps): BridgeHandlers {
  async function saveBytes(
    event: IpcMainInvokeEvent,
    suggestedName: string,
    filters: SaveDialogOptions['filters'],
    bytes: Uint8Array,
  ) {
    const choice = await deps.showSaveDialog(deps.windowOf(event), {
      defaultPath: join(deps.documentsDir, suggestedName),
      filters,
    });
    if (choice.canceled || !choice.filePath) return { outcome: 'cancelled' as const };
    await deps.writeFile(choice.filePath, bytes);
    return { outcome: 'saved' as const, path: choice.filePath };
  }

  return {
    'app.getInfo': async () => ({
      host: 'electron',
      appVersion: deps.appVersion,
      platform: deps.platform,
      isDevelopment: deps.isDevelopment,
    }),
    'print.toPdf': async (args, event) => {
      const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true, landscape: args.landscape });
      return saveBytes(event, args.suggestedName, [{ name: 'PDF', extensions: ['pdf'] }], pdf);
    },
    'file.saveAs': async (args, event) => {
      const bytes = args.encoding === 'base64' ? Buffer.from(args.content, 'base64') : Buffer.from(args.content, 'utf8');
      return saveBytes(event, args.suggestedName, args.filters, bytes);
    },
    'file.open': async (args, event) => {
      const choice = await deps.showOpenDialog(deps.windowOf(event), { properties: ['openFile'], filters: args.filters });
      const path = choice.filePaths[0];
      if (choice.canceled || !path) return { outcome: 'cancelled' };
      if ((await deps.fileSize(path)) > MAX_OPEN_BYTES) throw new Error('file too large');
      const bytes = await deps.readFile(path);
      return { outcome: 'opened', name: basename(path), contentBase64: Buffer.from(bytes).toString('base64') };
    },
  };
}
