/**
 * Several async sources read as one: items come out in arrival order (so in order per source), sources can be added
 * while it is read, and it ends only when told (`end`) or when a source fails or runs dry on its own (`fail`) — for
 * the inbox a consumer that stops delivering means its connection should be dropped and opened anew.
 */
export class MergedQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private waiting: (() => void) | null = null;
  private ended = false;
  private failure: unknown = null;

  add(source: AsyncIterable<T>, onItem: (item: T) => void = () => undefined): void {
    void (async () => {
      try {
        for await (const item of source) {
          if (this.ended) return;
          onItem(item);
          this.items.push(item);
          this.wake();
        }
        if (!this.ended) this.fail(new Error('an inbox consumer stopped delivering'));
      } catch (error) {
        this.fail(error);
      }
    })();
  }

  end(): void {
    this.ended = true;
    this.wake();
  }

  fail(error: unknown): void {
    if (this.ended) return;
    this.failure = error ?? new Error('inbox source failed');
    this.end();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      // Once ended, what is still queued is left unacknowledged: the exchange delivers it again.
      if (this.failure !== null) throw this.failure;
      if (this.ended) return;
      const item = this.items.shift();
      if (item !== undefined) {
        yield item;
        continue;
      }
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
      });
    }
  }
}
