import type * as NameKeysModule from './name-keys';

/**
 * Precomputed search keys, stored on each row so that search is an index range scan, never a table scan:
 * full pinyin (`wangyutian`) and initials (`wyt`) for 汪雨天, lower-case without tones or spaces.
 */
export interface NameKeys {
  /** Full pinyin then the name itself, so lists sort by pronunciation as Chinese readers expect. */
  sortKey: string;
  /** Multi-entry index values: full pinyin and initials (deduplicated). */
  py: string[];
}

export type NameKeysFunctions = typeof NameKeysModule;

let loading: Promise<NameKeysFunctions> | null = null;

/** `nameKeys` / `pinyinOf` (name-keys.ts, with pinyin-pro's dictionaries), loaded once on first call. */
export function loadNameKeys(): Promise<NameKeysFunctions> {
  loading ??= import('./name-keys');
  return loading;
}

/**
 * Address bigrams for fragment search (`金泽镇` is found inside `上海市青浦区金泽镇蒸淀村12号`): the index
 * narrows to rows sharing one bigram of the fragment; the caller then checks the whole fragment. The district's
 * own name (`commonPrefix`, the same on every household of a station) is left out: it would match every row.
 */
export function addressGrams(address: string, commonPrefix = ''): string[] {
  const compact = address.replace(/\s+/g, '');
  const text = commonPrefix !== '' && compact.startsWith(commonPrefix) ? compact.slice(commonPrefix.length) : compact;
  const grams = new Set<string>();
  for (let i = 0; i + 2 <= text.length; i += 1) grams.add(text.slice(i, i + 2));
  return [...grams];
}
