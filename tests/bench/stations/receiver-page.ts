import type { BrowserContext, Page } from 'playwright-core';
// The page's window.__receiver (ReceiverApi) is declared in tests/bench/browser/receiver.ts.

/**
 * Node's handle on a receiving station running in a Chromium page (tests/bench/browser/receiver.ts): opens it,
 * and counts the events it reports applied (each report comes after its batch's transaction committed).
 */
export interface ReceiverPage {
  page: Page;
  /** Events applied in this page so far. */
  applied(): number;
  /** Resolves once this page has applied at least `count` events (counted from its opening). */
  waitApplied(count: number, timeoutMs: number): Promise<void>;
  cursor(author: string): Promise<number>;
  logged(author: string): Promise<number>;
  idbPutFloor(): Promise<number>;
  stop(): Promise<void>;
}

export interface ReceiverOptions {
  url: string;
  dbName: string;
  code: string;
  dataKey: number[];
  fresh: boolean;
  wsUrl: string;
}

export async function openReceiver(context: BrowserContext, options: ReceiverOptions): Promise<ReceiverPage> {
  const page = await context.newPage();
  let applied = 0;
  let waiters: (() => void)[] = [];
  page.on('pageerror', (error) => console.error(`[bench receiver] ${error.message}`));
  await page.exposeFunction('__benchApplied', (count: number) => {
    applied += count;
    const woken = waiters;
    waiters = [];
    woken.forEach((wake) => wake());
  });
  await page.exposeFunction('__benchSyncError', (error: string) => console.error(`[bench receiver] sync: ${error}`));
  await page.goto(new URL('receiver.html', options.url).href);
  await page.waitForFunction(() => window.__receiver !== undefined);
  const { dbName, code, dataKey, fresh, wsUrl } = options;
  await page.evaluate(async (o) => window.__receiver?.open(o.dbName, o.code, o.dataKey, o.fresh), { dbName, code, dataKey, fresh });
  await page.evaluate((url) => window.__receiver?.start(url), wsUrl);

  const waitApplied = async (count: number, timeoutMs: number): Promise<void> => {
    const deadline = performance.now() + timeoutMs;
    while (applied < count) {
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`receiver applied ${applied} of ${count} events in ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };
  return {
    page,
    applied: () => applied,
    waitApplied,
    cursor: (author) => page.evaluate(async (a) => (await window.__receiver?.cursor(a)) ?? 0, author),
    logged: (author) => page.evaluate(async (a) => (await window.__receiver?.logged(a)) ?? 0, author),
    idbPutFloor: () => page.evaluate(async () => (await window.__receiver?.idbPutFloor()) ?? Number.NaN),
    stop: async () => {
      if (!page.isClosed()) await page.evaluate(async () => window.__receiver?.stop()).catch(() => undefined);
    },
  };
}
