import type { AlteredReason, DocumentType, RevocationReason, Verdict } from '../../shared/documents';
import type { IdMatch } from '../../shared/documents/id-digest';
import type { CertificateMatter } from '../../shared/domain/resident/certificate';
import type { MigrationCategory } from '../../shared/migration/categories';
import type { PatrolType, shifts } from '../../shared/patrol/log';

/** zh-CN · English words for the codes a verification returns (shared/ holds codes only). */
type Labels<K extends string> = Record<K, readonly [zh: string, en: string]>;

export const verdictLabels: Labels<Verdict> = {
  genuine: ['真实有效', 'GENUINE'],
  altered: ['内容被改动或无法识别', 'ALTERED or unreadable'],
  unknownIssuer: ['签发单位不在信任名册中，无法核验', 'UNKNOWN ISSUER: not on the roster, cannot be checked'],
  expired: ['真实，但已过有效期', 'EXPIRED (genuine, but past its validity)'],
  revoked: ['真实，但已被签发单位作废', 'REVOKED by its issuing station'],
};

export const reasonLabels: Labels<AlteredReason> = {
  notDocument: ['不是本系统文书的二维码', 'not a YRD document code'],
  unsupportedVersion: ['文书格式版本不受支持', 'unsupported format version'],
  malformed: ['二维码内容残缺或格式错误', 'damaged or malformed content'],
  badSignature: ['签名不符：内容被改动或非该单位签发', 'signature does not verify: changed, or not signed by that station'],
};

export const typeLabels: Labels<DocumentType> = {
  recordsCertificate: ['户籍事项证明', 'Household-registration certificate'],
  movePermit: ['准予迁入证明', 'Move-in permit'],
  migrationCertificate: ['户口迁移证', 'Migration certificate'],
  householdPage: ['户口簿页', 'Household register page'],
  patrolLog: ['巡逻日志', 'Patrol log'],
};

export const matterLabels: Labels<CertificateMatter> = {
  sameperson: ['同一人证明', 'same person (former name)'],
  movedOut: ['迁出证明', 'moved out'],
  cancelled: ['注销证明', 'registration cancelled'],
  kinship: ['亲属关系证明', 'kinship'],
  temporaryIdentity: ['临时身份证明', 'temporary identity'],
};

export const categoryLabels: Labels<MigrationCategory> = {
  spouse: ['夫妻投靠', 'joining a spouse'],
  parentsToChild: ['父母投靠子女', 'parents joining a child'],
  childToParents: ['子女投靠父母', 'children joining parents'],
  talent: ['人才引进', 'talent'],
  jobTransfer: ['工作调动', 'job transfer'],
  student: ['大中专学生入学', 'student enrolment'],
  graduate: ['大中专毕业生就业', 'graduate employment'],
};

export const patrolTypeLabels: Labels<PatrolType> = {
  joint: ['联合巡逻', 'joint patrol'],
  armed: ['武装巡逻', 'armed patrol'],
  checkpoint: ['检查站/道口查控', 'checkpoint'],
  water: ['水上巡逻', 'water patrol'],
  expressway: ['高速省际巡逻', 'expressway patrol'],
};

export const shiftLabels: Labels<(typeof shifts)[number]> = {
  early: ['早班', 'early'],
  day: ['白班', 'day'],
  night: ['夜班', 'night'],
};

export const revocationReasonLabels: Labels<RevocationReason> = {
  withdrawn: ['申请人撤回', 'withdrawn by the applicant'],
  issuedInError: ['错误签发', 'issued in error'],
  superseded: ['已换发', 'superseded by a new document'],
  lost: ['遗失声明', 'reported lost'],
  cancelled: ['业务撤销', 'cancelled'],
  other: ['其他', 'other'],
};

export const idMatchLabels: Labels<IdMatch> = {
  match: ['一致', 'matches'],
  mismatch: ['不一致', 'does NOT match'],
  invalid: ['不是有效的身份证号，请核对输入', 'not a valid ID number: check what was typed'],
};

export const both = ([zh, en]: readonly [string, string]): string => `${zh} ${en}`;
