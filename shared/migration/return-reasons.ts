import { z } from 'zod';

/** Why the origin station sends a case back (退回原因), per the brief; free text adds the detail. UI names: `migration.returnReason.*`. */
export const returnReasons = [
  'identityMismatch', // 身份信息不符
  'personNotFound', // 查无此人
  'alreadyCancelled', // 户口已注销
  'deceased', // 已死亡
  'duplicateRegistration', // 重复户口
  'applicantUnreachable', // 无法联系申请人
  'applicantDeniesIntent', // 申请人否认迁移意愿
  'permitExpired', // 准迁证明已过期
  'withdrawn', // 申请人撤回
  'other', // 其他
] as const;
export const returnReason = z.enum(returnReasons);
export type ReturnReason = z.infer<typeof returnReason>;

/** A return always has a listed reason; "other" needs the free text to say what. */
export const caseReturn = z
  .object({ reason: returnReason, text: z.string().trim().max(500) })
  .refine((r) => r.reason !== 'other' || r.text.length > 0, { message: 'returnText', path: ['text'] });
export type CaseReturn = z.infer<typeof caseReturn>;
