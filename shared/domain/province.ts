import { z } from 'zod';

/** The four provincial organisations of the Delta (三省一市), keyed by GB/T 2260 province code. */
export const provinces = [
  { code: '310000', name: '上海市', short: '沪' },
  { code: '320000', name: '江苏省', short: '苏' },
  { code: '330000', name: '浙江省', short: '浙' },
  { code: '340000', name: '安徽省', short: '皖' },
] as const;

export type Province = (typeof provinces)[number];
export const provinceCode = z.enum(['310000', '320000', '330000', '340000']);
export type ProvinceCode = z.infer<typeof provinceCode>;

export function provinceByCode(code: ProvinceCode): Province {
  const found = provinces.find((p) => p.code === code);
  if (!found) throw new Error(`unknown province ${code}`);
  return found;
}
