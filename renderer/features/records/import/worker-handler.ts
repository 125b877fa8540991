import { readSheet } from 'read-excel-file/universal';
import { fromImportWorker, toImportWorker, type FromImportWorker, type ToImportWorker } from '@shared/domain/resident/import/worker-protocol';
import { openTable } from './table-source';
import { preparedChunks } from './prepare-rows';

/**
 * What the import worker does with each message (parse.worker.ts wires it to the worker's scope; tests call it in
 * the same thread). Messages are checked both ways. A `run` sends chunks while it holds credits: two at the start
 * (one being written, one ready behind it), one more for each `next` the page sends after a chunk committed.
 */
const readXlsx = async (bytes: ArrayBuffer) => readSheet(bytes, { parseNumber: (text: string) => text });

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createImportHandler(post: (message: FromImportWorker) => void): (data: unknown) => void {
  const send = (message: FromImportWorker) => post(fromImportWorker.parse(message));
  let credits = 0;
  let wake: (() => void) | null = null;
  const credit = async () => {
    while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
    credits -= 1;
  };

  async function inspect(message: Extract<ToImportWorker, { type: 'inspect' }>): Promise<void> {
    const bytes = await message.file.arrayBuffer();
    const [source, sha256] = await Promise.all([openTable(bytes, readXlsx), sha256Hex(bytes)]);
    const preview: string[][] = [];
    for await (const item of source.rows()) {
      if ('cells' in item) preview.push(item.cells);
      if (preview.length >= message.previewRows) break;
    }
    send({ type: 'inspected', kind: source.kind, encoding: source.encoding, sha256, size: bytes.byteLength, headers: source.headers, preview });
  }

  async function run(message: Extract<ToImportWorker, { type: 'run' }>): Promise<void> {
    const source = await openTable(await message.file.arrayBuffer(), readXlsx);
    credits = 2;
    let rows = message.skipRows;
    let blank = 0;
    for await (const chunk of preparedChunks(source, message.mapping, message.context, message.skipRows, message.chunkRows)) {
      await credit();
      send({ type: 'chunk', ...chunk });
      rows = chunk.through;
      blank = chunk.blank;
    }
    send({ type: 'done', rows, blank });
  }

  return (data: unknown) => {
    const parsed = toImportWorker.safeParse(data);
    if (!parsed.success) {
      send({ type: 'failed', code: 'message' });
      return;
    }
    const message = parsed.data;
    if (message.type === 'next') {
      credits += 1;
      const w = wake;
      wake = null;
      w?.();
      return;
    }
    const work = message.type === 'inspect' ? inspect(message) : run(message);
    work.catch(() => send({ type: 'failed', code: message.type === 'inspect' ? 'unreadable' : 'failed' }));
  };
}
