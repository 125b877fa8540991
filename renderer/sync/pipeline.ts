/**
 * Receiving overlaps its two halves: while one batch commits (IndexedDB, in the browser's storage process), the
 * next one's signatures are checked (WebCrypto, on another thread). Commits still run strictly one after another,
 * in arrival order; at most `depth` items are prepared ahead. The first failed commit stops the run and rejects.
 */
export interface Stages<T, P> {
  prepare(item: T): Promise<P>;
  /** Gets the prepare stage's promise, so it decides what a failed preparation means. */
  commit(prepared: Promise<P>, item: T): Promise<void>;
}

export async function pipelined<T, P>(items: AsyncIterable<T> | Iterable<T>, stages: Stages<T, P>, depth = 2): Promise<void> {
  const inFlight: Promise<void>[] = [];
  let last: Promise<void> = Promise.resolve();
  for await (const item of items) {
    const prepared = stages.prepare(item);
    // Observed by the commit stage; this only stops an early rejection being reported as unhandled.
    prepared.catch(() => undefined);
    last = last.then(() => stages.commit(prepared, item));
    // A failure surfaces where the run awaits; the steps queued behind it (rejected too) must not report it again.
    last.catch(() => undefined);
    inFlight.push(last);
    if (inFlight.length >= depth) await inFlight.shift();
  }
  await last;
}
