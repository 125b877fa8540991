import { describe, expect, it } from 'vitest';
import { pipelined } from '@renderer/sync/pipeline';

/** A promise with its resolve handle, to decide from the test when a stage finishes. */
function gate(): { promise: Promise<void>; open(): void } {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe('pipelined receiving', () => {
  it('prepares the next item while the previous one commits, and commits strictly in order', async () => {
    const log: string[] = [];
    const firstCommit = gate();
    const run = pipelined([1, 2, 3], {
      prepare: async (n) => {
        log.push(`prepare ${n}`);
        return n * 10;
      },
      commit: async (prepared, n) => {
        if (n === 1) await firstCommit.promise;
        log.push(`commit ${await prepared}`);
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Item 2 was prepared while item 1's commit still waited; nothing committed out of turn.
    expect(log).toEqual(['prepare 1', 'prepare 2']);
    firstCommit.open();
    await run;
    expect(log.filter((l) => l.startsWith('commit'))).toEqual(['commit 10', 'commit 20', 'commit 30']);
    // Never more than two ahead: item 3 is prepared only once item 1 has committed.
    expect(log.indexOf('prepare 3')).toBeGreaterThan(log.indexOf('commit 10'));
  });

  it('stops at the first failed commit and rejects with its error; later items are not committed', async () => {
    const committed: number[] = [];
    const run = pipelined([1, 2, 3, 4], {
      prepare: async (n) => n,
      commit: async (prepared) => {
        const n = await prepared;
        if (n === 2) throw new Error('disk full');
        committed.push(n);
      },
    });
    await expect(run).rejects.toThrow('disk full');
    expect(committed).toEqual([1]);
  });

  it('hands a failed preparation to the commit stage, which decides what it means', async () => {
    const outcomes: string[] = [];
    await pipelined(['good', 'bad'], {
      prepare: async (item) => {
        if (item === 'bad') throw new Error('corrupt');
        return item;
      },
      commit: async (prepared) => {
        outcomes.push(await prepared.then((v) => `ok ${v}`, (e: Error) => `refused ${e.message}`));
      },
    });
    expect(outcomes).toEqual(['ok good', 'refused corrupt']);
  });
});
