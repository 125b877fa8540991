import { describe, expect, it } from 'vitest';
import { useLatestSearch } from '@renderer/platform/ui/use-latest-search';

/** A search whose answers the test hands out, query by query, in any order. */
function deferredSearch(): { search: ReturnType<typeof useLatestSearch<string>>; answer(text: string, rows: string[]): void } {
  const answers = new Map<string, (rows: string[]) => void>();
  const search = useLatestSearch<string>((text) => new Promise((resolve) => answers.set(text, resolve)));
  return { search, answer: (text, rows) => answers.get(text)?.(rows) };
}

describe('a remote search behind a select box', () => {
  it('shows only the answer to the newest query, even when an older one answers last', async () => {
    const { search, answer } = deferredSearch();
    const broad = search.run('3100');
    const narrow = search.run('310999005');
    answer('310999005', ['310999005 蒸淀村88号']);
    await narrow;
    expect(search.options.value).toEqual(['310999005 蒸淀村88号']);
    expect(search.loading.value).toBe(false);
    // The older, broader query answers late: it must not replace the list.
    answer('3100', ['310001', '310002', '310999005 蒸淀村88号']);
    await broad;
    expect(search.options.value).toEqual(['310999005 蒸淀村88号']);
  });

  it('keeps loading while the newest query is still out', async () => {
    const { search, answer } = deferredSearch();
    const first = search.run('a');
    const second = search.run('ab');
    answer('a', ['a1']);
    await first;
    expect(search.loading.value).toBe(true);
    expect(search.options.value).toEqual([]);
    answer('ab', ['ab1']);
    await second;
    expect(search.loading.value).toBe(false);
    expect(search.options.value).toEqual(['ab1']);
  });
});
