import { describe, expect, it } from 'vitest';
import { decide } from '@shared/migration/state-machine';
import { createAppI18n } from '@renderer/platform/i18n';
import { appMessages } from '@renderer/app/composition';
import { describeRefusal, type WorkflowRefusal } from '@renderer/features/migration/refusals';

// Features' messages load from their own chunks (as after the app's first screen).
const appMessageModules = await appMessages();

/** The renderer words the state machine's codes: in Chinese for zh-CN, without any Chinese for English. */
function words(refusal: WorkflowRefusal, locale: 'zh-CN' | 'en'): string {
  const i18n = createAppI18n(appMessageModules, locale);
  return describeRefusal(refusal, (key, values) => i18n.global.t(key, values ?? {}));
}

const han = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

function refusalOf(d: ReturnType<typeof decide>): WorkflowRefusal {
  if (d.ok) throw new Error('expected a refusal');
  return d;
}

describe('migration refusals in the UI language', () => {
  const wrongRole = refusalOf(decide({ status: 'submitted' }, 'approve', { side: 'destination', roles: ['window'] }, '2026-11-23'));
  const wrongState = refusalOf(decide({ status: 'settled' }, 'approve', { side: 'destination', roles: ['approver'] }, '2026-11-23'));
  const wrongSide = refusalOf(decide({ status: 'permitIssued' }, 'issueCertificate', { side: 'destination', roles: ['window'] }, '2026-11-23'));
  const expired = refusalOf(decide({ status: 'permitIssued', permitValidUntil: '2026-11-22', contactRecorded: true }, 'issueCertificate', { side: 'origin', roles: ['window'] }, '2026-11-23'));

  it('names the roles, state, side and date in Chinese', () => {
    expect(words(wrongRole, 'zh-CN')).toBe('“审批通过”须由人口办审批办理');
    expect(words(wrongState, 'zh-CN')).toBe('案件状态为“已落户”，不能审批通过');
    expect(words(wrongSide, 'zh-CN')).toBe('“签发迁移证”只能由迁出地派出所办理');
    expect(words(expired, 'zh-CN')).toBe('准予迁入证明已于 2026-11-22 过期，不能继续办理');
  });

  it('names the same things in English, with no Chinese', () => {
    const english = [wrongRole, wrongState, wrongSide, expired].map((r) => words(r, 'en'));
    expect(english).toEqual([
      'Only an officer with the role Approver can approve.',
      'The case is "Settled": you cannot approve.',
      'Only the origin station can issue the migration certificate.',
      'The move-in permit expired on 2026-11-22; the case cannot go on.',
    ]);
    for (const text of english) expect(text).not.toMatch(han);
  });

  it('joins several roles and the names of unregistered people in each language', () => {
    const either: WorkflowRefusal = { code: 'wrongRole', params: { transition: 'expirePermit', roles: ['window', 'approver'] } };
    expect(words(either, 'zh-CN')).toContain('窗口民警或人口办审批');
    expect(words(either, 'en')).toContain('Window staff or Approver');
    const missing: WorkflowRefusal = { code: 'personNotRegistered', params: { names: ['李娜', '王强'] } };
    expect(words(missing, 'zh-CN')).toBe('本所没有在册的 李娜、王强，请退回案件');
    expect(words(missing, 'en')).toBe('No registered resident 李娜, 王强 at this station; return the case.');
  });

  it('has words for every refusal code of the state machine and the service', () => {
    const codes: WorkflowRefusal[] = [
      { code: 'certificateExpired', params: { date: '2026-11-20' } },
      { code: 'notYetExpired', params: { document: 'certificate' } },
      { code: 'contactMissing', params: {} },
      { code: 'intentUnconfirmed', params: {} },
      { code: 'opinionRequired', params: {} },
      { code: 'notFound', params: {} },
      { code: 'reasonRequired', params: {} },
      { code: 'noCertificate', params: {} },
      { code: 'noPermit', params: {} },
    ];
    for (const refusal of codes) {
      for (const locale of ['zh-CN', 'en'] as const) expect(words(refusal, locale), `${refusal.code} ${locale}`).not.toMatch(/migration\.refusal|^$/);
    }
  });
});
