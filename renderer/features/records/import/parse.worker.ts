import { createImportHandler } from './worker-handler';

/**
 * The import worker: reads the chosen file, checks each row and derives its search keys off the page's thread,
 * so the screen stays responsive while 200,000 rows are read (worker-handler.ts does the work).
 */
interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const handle = createImportHandler((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
