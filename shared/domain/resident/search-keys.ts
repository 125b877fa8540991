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

/**
 * Compound surnames (复姓): the given name of 欧阳明 is 明, not 阳明. Single-character surnames are the rule; these
 * are the ones a register meets often enough to matter.
 */
const COMPOUND_SURNAMES = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐',
  '钟离', '端木', '独孤', '南宫', '西门', '百里', '呼延', '万俟', '申屠', '澹台', '太史', '闻人', '赫连', '东郭', '公冶',
  '濮阳', '淳于', '单于', '司空', '亓官', '鲜于', '闾丘', '第五', '左丘', '拓跋',
];

/** The parts of a name a window officer may type alone: the name, its given name, each part of a dotted name. */
export function nameVariants(name: string): string[] {
  const compact = name.replace(/\s+/g, '');
  const variants = new Set<string>([compact]);
  if (compact.includes('·')) {
    // 阿依古丽·买买提: each part on its own (the order of given name and family name varies between peoples).
    for (const part of compact.split('·')) if (part !== '') variants.add(part);
  } else if ([...compact].length >= 2 && /^\p{Script=Han}+$/u.test(compact)) {
    const chars = [...compact];
    const surnameLength = chars.length >= 3 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join('')) ? 2 : 1;
    variants.add(chars.slice(surnameLength).join(''));
  }
  return [...variants].filter((v) => v !== '');
}

/** Prefixes of the `terms` entries, one per kind of thing typed at the window. */
export const TERM = { name: 'n:', idTail: 't:', birthDate: 'b:' } as const;

/** How many trailing characters of an ID number the `t:` term holds (what staff read off a card: `0243`). */
export const ID_TAIL_LENGTH = 4;

/**
 * A person's derived search terms (the multi-entry `terms` index): each name variant (`n:李雨天`, `n:雨天`), the
 * ID number's last four characters (`t:0243`) and the birth date as typed without separators (`b:19940315`). All are
 * derived from fields that are already clear for their own indexes (name, idNumber), so they reveal nothing more
 * at rest; no pinyin is needed, so a schema upgrade can compute them without loading pinyin-pro.
 */
export function personTerms(person: { name: string; idNumber: string; birthDate: string }): string[] {
  const terms = nameVariants(person.name).map((v) => TERM.name + v);
  const id = person.idNumber.trim().toUpperCase();
  if (id.length >= ID_TAIL_LENGTH) terms.push(TERM.idTail + id.slice(-ID_TAIL_LENGTH));
  const birth = person.birthDate.replace(/-/g, '');
  if (/^\d{8}$/.test(birth)) terms.push(TERM.birthDate + birth);
  return terms;
}

/**
 * A typed birth date as the `b:` term holds it: `19940315`, `1994-03-15`, `1994.3.15`, `1994年3月15日`; null when
 * the text is not a real calendar date.
 */
export function typedBirthDate(text: string): string | null {
  const m = /^(\d{4})(?:(\d{2})(\d{2})|[-./年](\d{1,2})[-./月](\d{1,2})日?)$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1880 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year)}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}
