/**
 * Places of the border districts used by the demo generator: towns (镇/街道) and village or community names,
 * and the address code an ID issued there carried before a district was renamed (吴江市 320584 before 2012).
 */
export interface DemoDistrict {
  code: string;
  fullName: string;
  towns: readonly string[];
  /** Older ID numbers keep the code in force when they were issued. */
  formerCode?: { code: string; until: number };
}

export const DEMO_DISTRICTS: readonly DemoDistrict[] = [
  { code: '310118', fullName: '上海市青浦区', towns: ['金泽镇', '朱家角镇', '练塘镇', '赵巷镇', '白鹤镇'], formerCode: { code: '310229', until: 1999 } },
  { code: '310117', fullName: '上海市松江区', towns: ['泖港镇', '石湖荡镇', '新浜镇', '叶榭镇'], formerCode: { code: '310227', until: 1998 } },
  { code: '310116', fullName: '上海市金山区', towns: ['吕巷镇', '枫泾镇', '廊下镇', '张堰镇'], formerCode: { code: '310228', until: 1997 } },
  { code: '320509', fullName: '江苏省苏州市吴江区', towns: ['黎里镇', '震泽镇', '桃源镇', '七都镇'], formerCode: { code: '320584', until: 2012 } },
  { code: '320583', fullName: '江苏省苏州市昆山市', towns: ['周庄镇', '锦溪镇', '淀山湖镇', '千灯镇'] },
  { code: '330421', fullName: '浙江省嘉兴市嘉善县', towns: ['姚庄镇', '西塘镇', '天凝镇', '陶庄镇'] },
  { code: '330482', fullName: '浙江省嘉兴市平湖市', towns: ['乍浦镇', '新埭镇', '广陈镇', '独山港镇'] },
];

export const VILLAGE_NAMES = ['蒸淀', '商榻', '东港', '北厍', '南湖', '西岑', '莲湖', '沈荡', '新池', '杨湾', '汾湖', '钱盛', '王家', '塘湾', '众安', '双祥'] as const;
export const VILLAGE_KINDS = ['村', '社区'] as const;
export const ROAD_NAMES = ['金溪路', '淀湖路', '太浦路', '复兴路', '人民路', '中山路', '新华路', '沪青平公路'] as const;

/** Where migrants in the records were first registered (other Delta cities and beyond). */
export const MIGRANT_BIRTH_CODES = ['340100', '341100', '340800', '340181', '320583', '330402', '330421', '310118', '320509', '410102', '420102', '360102', '510104'] as const;

export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '朱', '胡', '沈', '陆', '顾', '钱', '俞',
  '汪', '蒋', '金', '姚', '潘', '冯', '曹', '费', '盛', '钟', '许', '何', '高', '郭', '马', '罗', '宋', '唐', '戴',
] as const;
export const GIVEN_MALE = ['伟', '强', '磊', '军', '勇', '杰', '涛', '明', '斌', '浩', '俊', '峰', '健', '国', '建', '华', '志', '文', '晨', '宇', '天', '嘉', '子', '轩', '振', '海', '林', '荣'] as const;
export const GIVEN_FEMALE = ['芳', '娜', '秀', '英', '敏', '静', '丽', '艳', '娟', '霞', '婷', '雪', '琳', '慧', '佳', '怡', '欣', '雨', '梅', '玲', '颖', '红', '萍', '洁', '晓', '月', '蓉'] as const;
export const OCCUPATIONS = ['农业生产人员', '工人', '个体经营', '教师', '医生', '公务员', '职员', '退休', '学生', '无业'] as const;
export const WORKPLACES = ['本镇农业合作社', '本镇中心小学', '区人民医院', '镇人民政府', '长三角示范区企业', '个体', ''] as const;
