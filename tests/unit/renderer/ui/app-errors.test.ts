import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrors, appMessages } from '@renderer/app/composition';
import { createAppI18n, type Locale } from '@renderer/platform/i18n';
import { PermissionDeniedError } from '@renderer/platform/session';
import { describeError, fieldErrors, registerErrors, type Translator } from '@renderer/platform/ui';
import { BundleRejectedError } from '@renderer/sync';
import { RecordsRuleError } from '@renderer/features/records/errors';
import { MigrationRuleError } from '@renderer/features/migration/case-ops';
import { PatrolWriteError } from '@renderer/features/patrol/commands';
import { patrolVocabulary } from '@renderer/features/patrol/forms';
import { syncVocabulary } from '@renderer/features/sync/errors';
import { ProvisioningError } from '@renderer/features/provisioning/provisioning';
import { BackupError } from '@renderer/features/provisioning/backup';
import { provisioningVocabulary } from '@renderer/features/provisioning/errors';
import { DuplicateOfficerError, LastAdminError } from '@renderer/features/officers/store';

// Features' messages load from their own chunks (as after the app's first screen).
const appMessageModules = await appMessages();

function translator(locale: Locale): Translator {
  const { global } = createAppI18n(appMessageModules, locale);
  return { t: (key, values) => global.t(key, values ?? {}), te: (key) => global.te(key) };
}

let undo = (): void => undefined;
beforeAll(() => {
  undo = registerErrors(...appErrors());
});
afterAll(() => undo());

describe('every module’s errors, registered by the composition root', () => {
  const zh = translator('zh-CN');
  const en = translator('en');

  it('words each feature’s refusals from its own messages, in both languages', () => {
    const cases: [unknown, string, string][] = [
      [new RecordsRuleError('householdNumberTaken', 'number'), '该户号已被使用', 'This household number is already in use'],
      [new PatrolWriteError('noLog'), '找不到该巡逻日志', ''],
      [new BundleRejectedError('corrupt'), '文件已损坏或不完整（可能拷贝中断），未导入任何数据。', ''],
      [new ProvisioningError('otherStation'), '属于另一个站所', ''],
      [new BackupError('notEmpty'), '', ''],
      [new MigrationRuleError({ code: 'notFound', params: {} }), '找不到该迁移案件', ''],
      [new LastAdminError(), '', ''],
    ];
    for (const [error, zhText, enText] of cases) {
      const chinese = describeError(error, zh);
      const english = describeError(error, en);
      if (zhText) expect(chinese).toContain(zhText);
      if (enText) expect(english).toContain(enText);
      // A registered error never falls through to the generic "the action failed: <raw message>".
      expect(chinese).not.toMatch(/^操作失败/);
      // …nor to a key that has no message (vue-i18n shows the key itself).
      expect(chinese).not.toMatch(/^[\w.]+$/);
      expect(english).not.toMatch(/^[\w.]+$/);
      expect(english).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('puts a feature’s rule error beside its field', () => {
    expect(fieldErrors(new DuplicateOfficerError('310000:000001'))).toEqual({ policeNumber: { rule: 'officers.form.duplicate', params: {} } });
    expect(fieldErrors(new RecordsRuleError('idNumberTaken', 'idNumber'))).toEqual({ idNumber: { rule: 'records.errors.idNumberTaken', params: {} } });
  });

  it('says a refusal by role in each screen’s words', () => {
    const denied = new PermissionDeniedError('patrol.edit');
    expect(describeError(denied, zh)).toBe('当前账号无权办理此项');
    expect(describeError(denied, zh, patrolVocabulary)).toBe(zh.t('patrol.denied'));
    expect(describeError(denied, zh, syncVocabulary)).toBe(zh.t('sync.denied'));
    expect(describeError(denied, en, provisioningVocabulary)).toBe(en.t('provisioning.refused.denied'));
    expect(new Set([zh.t('patrol.denied'), zh.t('sync.denied'), zh.t('provisioning.refused.denied')]).size).toBe(3);
  });
});
