import { z } from 'zod';

/**
 * National code tables used by the resident record. Each entry: code, zh-CN name, English name. These are data
 * (a station may need a code added), kept apart from the logic that uses them.
 */
export interface CodeEntry {
  code: string;
  zh: string;
  en: string;
}

const table = <const T extends readonly CodeEntry[]>(entries: T) => entries;

/** GB/T 2261.1-2003 人的性别代码 */
export const SEX_CODES = table([
  { code: '0', zh: '未知的性别', en: 'Unknown' },
  { code: '1', zh: '男', en: 'Male' },
  { code: '2', zh: '女', en: 'Female' },
  { code: '9', zh: '未说明的性别', en: 'Not stated' },
]);

/** GB/T 2261.2-2003 婚姻状况代码 */
export const MARITAL_CODES = table([
  { code: '10', zh: '未婚', en: 'Never married' },
  { code: '20', zh: '已婚', en: 'Married' },
  { code: '21', zh: '初婚', en: 'First marriage' },
  { code: '22', zh: '再婚', en: 'Remarried' },
  { code: '23', zh: '复婚', en: 'Remarried to former spouse' },
  { code: '30', zh: '丧偶', en: 'Widowed' },
  { code: '40', zh: '离婚', en: 'Divorced' },
  { code: '90', zh: '未说明的婚姻状况', en: 'Not stated' },
]);

const ETHNIC_NAMES: readonly (readonly [string, string])[] = [
  ['汉族', 'Han'], ['蒙古族', 'Mongol'], ['回族', 'Hui'], ['藏族', 'Tibetan'], ['维吾尔族', 'Uyghur'],
  ['苗族', 'Miao'], ['彝族', 'Yi'], ['壮族', 'Zhuang'], ['布依族', 'Bouyei'], ['朝鲜族', 'Korean'],
  ['满族', 'Manchu'], ['侗族', 'Dong'], ['瑶族', 'Yao'], ['白族', 'Bai'], ['土家族', 'Tujia'],
  ['哈尼族', 'Hani'], ['哈萨克族', 'Kazakh'], ['傣族', 'Dai'], ['黎族', 'Li'], ['傈僳族', 'Lisu'],
  ['佤族', 'Va'], ['畲族', 'She'], ['高山族', 'Gaoshan'], ['拉祜族', 'Lahu'], ['水族', 'Shui'],
  ['东乡族', 'Dongxiang'], ['纳西族', 'Naxi'], ['景颇族', 'Jingpo'], ['柯尔克孜族', 'Kyrgyz'], ['土族', 'Tu'],
  ['达斡尔族', 'Daur'], ['仫佬族', 'Mulao'], ['羌族', 'Qiang'], ['布朗族', 'Blang'], ['撒拉族', 'Salar'],
  ['毛南族', 'Maonan'], ['仡佬族', 'Gelao'], ['锡伯族', 'Xibe'], ['阿昌族', 'Achang'], ['普米族', 'Pumi'],
  ['塔吉克族', 'Tajik'], ['怒族', 'Nu'], ['乌孜别克族', 'Uzbek'], ['俄罗斯族', 'Russian'], ['鄂温克族', 'Evenki'],
  ['德昂族', "De'ang"], ['保安族', 'Bonan'], ['裕固族', 'Yugur'], ['京族', 'Gin'], ['塔塔尔族', 'Tatar'],
  ['独龙族', 'Derung'], ['鄂伦春族', 'Oroqen'], ['赫哲族', 'Hezhen'], ['门巴族', 'Monba'], ['珞巴族', 'Lhoba'],
  ['基诺族', 'Jino'],
];

/** GB/T 3304-1991 中国各民族名称的罗马字母拼写法和代码: 01–56 in the standard's order, 97 其他, 98 外国血统. */
export const ETHNICITY_CODES: readonly CodeEntry[] = [
  ...ETHNIC_NAMES.map(([zh, en], i) => ({ code: String(i + 1).padStart(2, '0'), zh, en })),
  { code: '97', zh: '其他', en: 'Other' },
  { code: '98', zh: '外国血统中国籍人士', en: 'Chinese citizen of foreign origin' },
];

/** GB/T 4658-2006 学历代码 (the graduate levels a 户口簿 records). */
export const EDUCATION_CODES = table([
  { code: '11', zh: '博士研究生毕业', en: 'Doctorate' },
  { code: '14', zh: '硕士研究生毕业', en: "Master's degree" },
  { code: '21', zh: '大学本科毕业', en: "Bachelor's degree" },
  { code: '31', zh: '大学专科毕业', en: 'College diploma' },
  { code: '41', zh: '中等专科毕业', en: 'Secondary specialised school' },
  { code: '44', zh: '职业高中毕业', en: 'Vocational high school' },
  { code: '61', zh: '普通高中毕业', en: 'Senior high school' },
  { code: '71', zh: '初中毕业', en: 'Junior high school' },
  { code: '81', zh: '小学毕业', en: 'Primary school' },
  { code: '90', zh: '其他', en: 'Other' },
]);

/** GB/T 4761-2008 家庭关系代码 (relationship to the householder, as the 户口簿 prints it). */
export const RELATIONSHIP_CODES = table([
  { code: '02', zh: '户主', en: 'Householder' },
  { code: '11', zh: '夫', en: 'Husband' },
  { code: '12', zh: '妻', en: 'Wife' },
  { code: '20', zh: '子', en: 'Son' },
  { code: '30', zh: '女', en: 'Daughter' },
  { code: '41', zh: '孙子', en: 'Grandson' },
  { code: '42', zh: '孙女', en: 'Granddaughter' },
  { code: '51', zh: '父亲', en: 'Father' },
  { code: '52', zh: '母亲', en: 'Mother' },
  { code: '61', zh: '祖父', en: 'Grandfather' },
  { code: '62', zh: '祖母', en: 'Grandmother' },
  { code: '71', zh: '兄', en: 'Elder brother' },
  { code: '73', zh: '弟', en: 'Younger brother' },
  { code: '75', zh: '姐', en: 'Elder sister' },
  { code: '77', zh: '妹', en: 'Younger sister' },
  { code: '80', zh: '其他亲属', en: 'Other relative' },
  { code: '99', zh: '非亲属', en: 'Non-relative' },
]);

/** 兵役状况 (GB/T 2261.3-2003) */
export const MILITARY_CODES = table([
  { code: '0', zh: '未服兵役', en: 'No military service' },
  { code: '1', zh: '退出现役', en: 'Discharged' },
  { code: '2', zh: '士兵预备役', en: 'Reserve (soldier)' },
  { code: '3', zh: '军官预备役', en: 'Reserve (officer)' },
  { code: '4', zh: '服现役', en: 'Active service' },
  { code: '9', zh: '其他', en: 'Other' },
]);

export const BLOOD_TYPES = table([
  { code: 'A', zh: 'A型', en: 'A' },
  { code: 'B', zh: 'B型', en: 'B' },
  { code: 'O', zh: 'O型', en: 'O' },
  { code: 'AB', zh: 'AB型', en: 'AB' },
  { code: 'U', zh: '不明', en: 'Unknown' },
]);

/** 户别 */
export const HOUSEHOLD_KINDS = table([
  { code: 'family', zh: '家庭户', en: 'Family household' },
  { code: 'collective', zh: '集体户', en: 'Collective household' },
]);

/** 人员状态: 在册 / 迁出 / 注销 (records are never deleted; a status says why one left). */
export const PERSON_STATUS_CODES = table([
  { code: 'registered', zh: '在册', en: 'Registered' },
  { code: 'movedOut', zh: '迁出', en: 'Moved out' },
  { code: 'cancelled', zh: '注销', en: 'Cancelled' },
]);

export const codeTables = {
  sex: SEX_CODES,
  marital: MARITAL_CODES,
  ethnicity: ETHNICITY_CODES,
  education: EDUCATION_CODES,
  relationship: RELATIONSHIP_CODES,
  military: MILITARY_CODES,
  bloodType: BLOOD_TYPES,
  householdKind: HOUSEHOLD_KINDS,
  personStatus: PERSON_STATUS_CODES,
} as const;
export type CodeTableName = keyof typeof codeTables;

export function codeName(tableName: CodeTableName, code: string | undefined, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const entry = (codeTables[tableName] as readonly CodeEntry[]).find((e) => e.code === code);
  if (!entry) return code ?? '';
  return locale === 'en' ? entry.en : entry.zh;
}

/** A zod enum-like check that the value is a code of the table. */
export const codeOf = (tableName: CodeTableName, message: string) =>
  z.string().refine((v) => (codeTables[tableName] as readonly CodeEntry[]).some((e) => e.code === v), { message });
