import { pinyin } from 'pinyin-pro';
import type { NameKeys } from './search-keys';

/**
 * A name's search keys from its pinyin. pinyin-pro carries its dictionaries (~290 KB), so this module is loaded
 * when a name is first written (`loadNameKeys` in search-keys.ts), never at startup.
 */
export function pinyinOf(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z]/g, '')).filter((s) => s.length > 0);
  return { full: clean.join(''), initials: clean.map((s) => s.charAt(0)).join('') };
}

export function nameKeys(name: string): NameKeys {
  const { full, initials } = pinyinOf(name);
  const py = full === initials ? [full] : [full, initials];
  return { sortKey: `${full} ${name}`, py: py.filter((k) => k.length > 0) };
}
