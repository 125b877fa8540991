import { z } from 'zod';

/**
 * Migration categories (迁移类别). Codes in English; the Chinese terms are the domain's own names. Their names
 * in the UI are the migration feature's messages (`migration.category.*`).
 * spouse 夫妻投靠 · parentsToChild 父母投靠子女 · childToParents 子女投靠父母 · talent 人才引进 (人社 approves) ·
 * jobTransfer 工作调动 · student 大中专学生入学 · graduate 毕业生就业
 */
export const migrationCategories = ['spouse', 'parentsToChild', 'childToParents', 'talent', 'jobTransfer', 'student', 'graduate'] as const;
export const migrationCategory = z.enum(migrationCategories);
export type MigrationCategory = z.infer<typeof migrationCategory>;

/** Talent cases are approved by the human-resources department (人社部门); public security acts on its reference. */
export function needsHrApproval(category: MigrationCategory): boolean {
  return category === 'talent';
}

/** One document of a category's checklist. Labels in both languages because the list is data, not UI text. */
export const checklistItem = z.object({
  code: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/),
  zh: z.string().min(1).max(60),
  en: z.string().min(1).max(120),
  required: z.boolean(),
});
export type ChecklistItem = z.infer<typeof checklistItem>;

/** Which documents each category needs. Lists vary by city (assumed), so a station may replace this config. */
export const checklistConfig = z.record(migrationCategory, z.array(checklistItem).min(1));
export type ChecklistConfig = Record<MigrationCategory, ChecklistItem[]>;

const item = (code: string, zh: string, en: string, required = true): ChecklistItem => ({ code, zh, en, required });
const idCard = item('idCard', '居民身份证', 'Resident identity card');
const hukouBook = item('hukouBook', '户口簿', 'Household register (hukou book)');
const optIn = item('optInNotice', '网上迁移告知单（本人签名）', 'Signed online-migration notice');
const hostBook = item('hostHukouBook', '迁入地户主户口簿', "Destination householder's hukou book");
const housing = item('housingProof', '合法稳定住所证明', 'Proof of lawful stable residence', false);

/** The default lists (assumed; to be confirmed by household-registration officers). */
export const defaultChecklists: ChecklistConfig = {
  spouse: [idCard, hukouBook, optIn, hostBook, item('marriageCertificate', '结婚证', 'Marriage certificate')],
  parentsToChild: [idCard, hukouBook, optIn, hostBook, item('kinshipProof', '亲属关系证明（出生医学证明等）', 'Proof of kinship (birth certificate etc.)'), housing],
  childToParents: [idCard, hukouBook, optIn, hostBook, item('birthCertificate', '出生医学证明', 'Medical birth certificate')],
  talent: [idCard, hukouBook, optIn, item('hrApproval', '人社部门人才引进批复', 'HR department talent approval'), item('diploma', '学历或职称证书', 'Diploma or professional title'), housing],
  jobTransfer: [idCard, hukouBook, optIn, item('transferOrder', '工作调动通知（调令）', 'Job transfer order'), item('employmentContract', '劳动合同', 'Employment contract', false)],
  student: [idCard, hukouBook, optIn, item('admissionNotice', '录取通知书', 'Admission notice')],
  graduate: [idCard, hukouBook, optIn, item('diploma', '毕业证书', 'Graduation certificate'), item('employmentProof', '就业报到证或劳动合同', 'Employment registration or contract')],
};

/** Required documents of the category not yet ticked as received. */
export function missingDocuments(config: ChecklistConfig, category: MigrationCategory, received: readonly string[]): ChecklistItem[] {
  return config[category].filter((d) => d.required && !received.includes(d.code));
}
