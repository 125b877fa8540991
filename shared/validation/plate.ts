import type { ProvinceCode } from '../domain/province';

/**
 * Motor-vehicle plates per GA 36-2018 (机动车号牌). A plate is a province character (省、自治区、直辖市简称),
 * the issuing office's letter (发牌机关代号) and a serial (序号). Letters I and O are never used, so they can't be
 * confused with 1 and 0.
 *
 * - ordinary (普通): 5 serial characters from A–Z/0–9, e.g. 沪A·12345, 苏E·A1B2C
 * - suffixed: 4 serial characters + 挂 (trailer 挂车), 学 (learner 教练), 警 (police 警用), 港 / 澳 (Hong Kong /
 *   Macao vehicles entering via Guangdong, 粤Z)
 * - new energy (新能源, 8 characters): 6 serial characters.
 *   small (小型): the first serial character is the energy letter, the second a letter or digit, the last four digits
 *   (沪A·D12345, 浙F·DF1234). GA 36-2018 uses D (纯电动) and F (非纯电动); when D/F ran out the Ministry added
 *   A B C E (纯电动) and G H J K (非纯电动) to the same family, so both are accepted.
 *   large (大型): five digits, then D or F at the end (苏E·12345D).
 */
export type PlateKind = 'ordinary' | 'trailer' | 'learner' | 'police' | 'hongKong' | 'macao' | 'newEnergySmall' | 'newEnergyLarge';
export type EnergyType = 'electric' | 'nonElectric';

export interface PlateProvince {
  /** The character on the plate (沪). */
  char: string;
  /** GB/T 2260 province code (310000). */
  code: string;
  name: string;
}

/** The 31 province characters of the mainland, with the province each stands for. */
export const plateProvinces: readonly PlateProvince[] = [
  { char: '京', code: '110000', name: '北京市' },
  { char: '津', code: '120000', name: '天津市' },
  { char: '冀', code: '130000', name: '河北省' },
  { char: '晋', code: '140000', name: '山西省' },
  { char: '蒙', code: '150000', name: '内蒙古自治区' },
  { char: '辽', code: '210000', name: '辽宁省' },
  { char: '吉', code: '220000', name: '吉林省' },
  { char: '黑', code: '230000', name: '黑龙江省' },
  { char: '沪', code: '310000', name: '上海市' },
  { char: '苏', code: '320000', name: '江苏省' },
  { char: '浙', code: '330000', name: '浙江省' },
  { char: '皖', code: '340000', name: '安徽省' },
  { char: '闽', code: '350000', name: '福建省' },
  { char: '赣', code: '360000', name: '江西省' },
  { char: '鲁', code: '370000', name: '山东省' },
  { char: '豫', code: '410000', name: '河南省' },
  { char: '鄂', code: '420000', name: '湖北省' },
  { char: '湘', code: '430000', name: '湖南省' },
  { char: '粤', code: '440000', name: '广东省' },
  { char: '桂', code: '450000', name: '广西壮族自治区' },
  { char: '琼', code: '460000', name: '海南省' },
  { char: '渝', code: '500000', name: '重庆市' },
  { char: '川', code: '510000', name: '四川省' },
  { char: '贵', code: '520000', name: '贵州省' },
  { char: '云', code: '530000', name: '云南省' },
  { char: '藏', code: '540000', name: '西藏自治区' },
  { char: '陕', code: '610000', name: '陕西省' },
  { char: '甘', code: '620000', name: '甘肃省' },
  { char: '青', code: '630000', name: '青海省' },
  { char: '宁', code: '640000', name: '宁夏回族自治区' },
  { char: '新', code: '650000', name: '新疆维吾尔自治区' },
];

/**
 * The official one-character abbreviations (简称) that differ from the plate character: officers sometimes type
 * 黔 for 贵 or 滇 for 云. They are read as the plate character, never printed on a plate.
 */
export const provinceAbbreviationAliases: Readonly<Record<string, string>> = {
  黔: '贵',
  滇: '云',
  蜀: '川',
  秦: '陕',
  陇: '甘',
};

/** Issuing offices the Delta's border stations meet most, for display (苏E 苏州 incl. 昆山 and 吴江 …). */
export const deltaIssuingOffices: Readonly<Record<string, string>> = {
  沪A: '上海市区', 沪B: '上海市区', 沪C: '上海郊区', 沪D: '上海市区', 沪E: '上海市区', 沪F: '上海市区',
  苏A: '南京', 苏B: '无锡', 苏E: '苏州（含昆山、吴江）', 苏U: '苏州',
  浙A: '杭州', 浙B: '宁波', 浙E: '湖州', 浙F: '嘉兴（含嘉善、平湖）',
  皖A: '合肥', 皖H: '安庆', 皖M: '滁州',
};

export interface PlateInfo {
  /** Normalised: upper case, no separator (沪A12345). */
  plate: string;
  kind: PlateKind;
  energy: EnergyType | null;
  province: PlateProvince;
  /** The Delta province when the plate is from one of the four, else null. */
  deltaProvince: ProvinceCode | null;
  office: string;
  /** Province character + office letter (苏E). */
  prefix: string;
  officeName: string | null;
}

export type PlateError = 'empty' | 'province' | 'office' | 'forbiddenLetter' | 'format';
export type PlateResult = { ok: true; value: PlateInfo } | { ok: false; error: PlateError };

const deltaCodes: readonly ProvinceCode[] = ['310000', '320000', '330000', '340000'];
const SERIAL = '[A-HJ-NP-Z0-9]';
const suffixKinds: Readonly<Record<string, PlateKind>> = { 挂: 'trailer', 学: 'learner', 警: 'police', 港: 'hongKong', 澳: 'macao' };
const electricLetters = 'DABCE';
const nonElectricLetters = 'FGHJK';

/** Upper-cases and drops the separators people type or scan (·, space, hyphen, full-width dot). */
export function normalizePlate(input: string): string {
  return input.replace(/[\s·•．.\-－]/g, '').toUpperCase();
}

function provinceOf(char: string): PlateProvince | null {
  const plateChar = provinceAbbreviationAliases[char] ?? char;
  return plateProvinces.find((p) => p.char === plateChar) ?? null;
}

function classifySerial(serial: string): { kind: PlateKind; energy: EnergyType | null } | null {
  if (serial.length === 5) {
    if (new RegExp(`^${SERIAL}{5}$`).test(serial)) return { kind: 'ordinary', energy: null };
    const kind = suffixKinds[serial.slice(4)];
    if (kind && new RegExp(`^${SERIAL}{4}$`).test(serial.slice(0, 4))) return { kind, energy: null };
    return null;
  }
  if (serial.length !== 6) return null;
  const energyOf = (c: string): EnergyType | null => (electricLetters.includes(c) ? 'electric' : nonElectricLetters.includes(c) ? 'nonElectric' : null);
  if (/^\d{5}[DF]$/.test(serial)) return { kind: 'newEnergyLarge', energy: energyOf(serial.slice(5)) };
  const first = serial.slice(0, 1);
  const energy = energyOf(first);
  if (energy && new RegExp(`^${SERIAL}\\d{4}$`).test(serial.slice(1))) return { kind: 'newEnergySmall', energy };
  return null;
}

/** Classifies a plate and derives its province; a plate with I or O, or in no GA 36 layout, is refused. */
export function parsePlate(input: string): PlateResult {
  const plate = normalizePlate(input);
  if (plate.length === 0) return { ok: false, error: 'empty' };
  const chars = [...plate];
  const head = chars[0] ?? '';
  const province = provinceOf(head);
  if (!province) return { ok: false, error: 'province' };
  const office = chars[1] ?? '';
  if (!/^[A-Z]$/.test(office)) return { ok: false, error: 'office' };
  const rest = chars.slice(2).join('');
  if (/[IO]/.test(office + rest)) return { ok: false, error: 'forbiddenLetter' };
  const classified = classifySerial(rest);
  if (!classified) return { ok: false, error: 'format' };
  const normalized = province.char + office + rest;
  const prefix = province.char + office;
  const delta = deltaCodes.find((c) => c === province.code) ?? null;
  return {
    ok: true,
    value: { plate: normalized, ...classified, province, deltaProvince: delta, office, prefix, officeName: deltaIssuingOffices[prefix] ?? null },
  };
}

/** Shows a plate the way it is printed: 沪A·12345. */
export function formatPlate(plate: string): string {
  const chars = [...normalizePlate(plate)];
  return chars.length > 2 ? `${chars.slice(0, 2).join('')}·${chars.slice(2).join('')}` : chars.join('');
}
