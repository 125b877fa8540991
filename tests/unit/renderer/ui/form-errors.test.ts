import { afterEach, describe, expect, it } from 'vitest';
import { z, type ZodError } from 'zod';
import { personInput } from '@shared/domain/resident/person';
import { blankPerson } from '@renderer/features/records/person-form-model';
import recordsMessages from '@renderer/features/records/messages';
import { createAppI18n, type Locale } from '@renderer/platform/i18n';
import {
  describeError,
  fieldErrors,
  fieldMessage,
  fieldMessages,
  formsMessages,
  registerErrors,
  type ErrorVocabulary,
  type Translator,
} from '@renderer/platform/ui';

function translator(locale: Locale): Translator {
  const { global } = createAppI18n([formsMessages, recordsMessages], locale);
  return { t: (key, values) => global.t(key, values ?? {}), te: (key) => global.te(key) };
}
const zh = translator('zh-CN');
const en = translator('en');

/** A form with one field per generic rule; labels live under `records.household` / `records.person`. */
const form = z.object({
  name: z.string().min(1),
  address: z.string().min(4).max(120),
  number: z.string().regex(/^\d{6,12}$/),
  height: z.number().max(250),
  roles: z.array(z.string()).min(1),
  kind: z.enum(['family', 'collective']),
  issueDate: z.iso.date(),
  sex: z.string(),
});
const bad = { name: '', address: 'ab', number: 'x1', height: 300, roles: [], kind: 'other', issueDate: '2026-13-45' };
const labels: ErrorVocabulary['label'] = (path) => (path === 'name' || path === 'sex' ? `records.person.${path}` : `records.household.${path}`);

function problems(): ZodError {
  const parsed = form.safeParse(bad);
  if (parsed.success) throw new Error('the bad form parsed');
  return parsed.error;
}

describe('a zod issue becomes the field and its rule, in the UI language', () => {
  it('maps each issue code to a rule with its values, first problem per field', () => {
    expect(fieldErrors(problems())).toEqual({
      name: { rule: 'required', params: {} },
      address: { rule: 'tooShort', params: { minimum: 4 } },
      number: { rule: 'format', params: {} },
      height: { rule: 'tooBig', params: { maximum: 250 } },
      roles: { rule: 'tooFew', params: { minimum: 1 } },
      kind: { rule: 'choice', params: {} },
      issueDate: { rule: 'date', params: {} },
      sex: { rule: 'required', params: {} },
    });
  });

  it('words every rule in Simplified Chinese and in English, never with zod’s own text', () => {
    const errors = fieldErrors(problems()) ?? {};
    expect(fieldMessages(errors, zh)).toEqual({
      name: '必填',
      address: '至少 4 个字符',
      number: '格式不正确',
      height: '不能大于 250',
      roles: '至少 1 项',
      kind: '请从列表中选择',
      issueDate: '日期格式不正确',
      sex: '必填',
    });
    expect(fieldMessages(errors, en)).toEqual({
      name: 'Required',
      address: 'At least 4 characters',
      number: 'Invalid format',
      height: 'Must be at most 250',
      roles: 'Choose at least 1',
      kind: 'Choose one of the options',
      issueDate: 'Invalid date',
      sex: 'Required',
    });
  });

  it('names the field in a toast: "<label>: <rule>", one sentence for all fields', () => {
    const error = z.object({ name: z.string().min(1), address: z.string().min(4) }).safeParse({ name: '', address: 'ab' }).error;
    const vocabulary = { rules: 'records.errors', label: labels };
    expect(describeError(error, zh, vocabulary)).toBe('姓名：必填；住址：至少 4 个字符');
    expect(describeError(error, en, vocabulary)).toBe('Name: Required; Address: At least 4 characters');
    const zodText = problems().issues.map((i) => i.message);
    const toast = describeError(problems(), en, vocabulary);
    for (const text of zodText) expect(toast).not.toContain(text);
  });

  it('keeps the shared schemas’ own keys: the feature’s words first, then the forms module’s', () => {
    const parsed = personInput.safeParse({ ...blankPerson(), name: '汪雨天', relationship: '02', idNumber: '1' });
    const errors = fieldErrors(parsed.error) ?? {};
    expect(errors['idNumber']?.rule).toBe('idNumber.format');
    const vocabulary = { rules: 'records.errors' };
    expect(fieldMessage(errors['idNumber'] ?? { rule: '', params: {} }, zh, vocabulary)).toBe('身份证号应为18位（前17位数字，末位数字或X），或15位旧号码');
    // A key no module words falls back to the rule of the issue's code, not to the key itself.
    const unknown = fieldErrors(z.object({ note: z.string().min(4, 'noSuchRule') }).safeParse({ note: 'a' }).error) ?? {};
    expect(fieldMessage(unknown['note'] ?? { rule: '', params: {} }, zh, vocabulary)).toBe('至少 4 个字符');
    // A custom refinement with a sentence (not a key) is shown as the generic rule.
    const refined = z.object({ lanes: z.array(z.number()) }).refine(() => false, { message: 'duplicate lane', path: ['lanes'] });
    const custom = fieldErrors(refined.safeParse({ lanes: [1, 1] }).error) ?? {};
    expect(fieldMessage(custom['lanes'] ?? { rule: '', params: {} }, en)).toBe('Not a valid value');
  });

  it('puts a problem of the whole object under _form', () => {
    const whole = z.object({ a: z.string(), b: z.string() }).refine((v) => v.a !== v.b, { message: 'required' });
    expect(fieldErrors(whole.safeParse({ a: 'x', b: 'x' }).error)).toEqual({ _form: { rule: 'required', params: {}, fallback: 'invalid' } });
  });
});

class StationRefusedError extends Error {
  constructor(readonly code: string) {
    super(`refused: ${code}`);
  }
}
class TakenError extends Error {}

describe('describeError: each module registers its own error classes', () => {
  let undo: (() => void) | null = null;
  afterEach(() => undo?.());

  it('words a registered error by its key, beside a field when it names one', () => {
    undo = registerErrors(
      (e) => (e instanceof StationRefusedError ? { key: 'forms.rules.tooShort', params: { minimum: e.code.length } } : undefined),
      (e) => (e instanceof TakenError ? { key: 'records.errors.householdNumberTaken', field: 'number' } : undefined),
    );
    expect(describeError(new StationRefusedError('abc'), zh)).toBe('至少 3 个字符');
    expect(describeError(new StationRefusedError('abc'), en)).toBe('At least 3 characters');
    expect(fieldErrors(new TakenError())).toEqual({ number: { rule: 'records.errors.householdNumberTaken', params: {} } });
    expect(fieldMessages(fieldErrors(new TakenError()) ?? {}, zh, { rules: 'records.errors' })).toEqual({ number: '该户号已被使用' });
    expect(fieldErrors(new StationRefusedError('x'))).toBeNull();
  });

  it('lets a translator build a sentence from several keys, and a module reword a shared key', () => {
    undo = registerErrors((e) => (e instanceof StationRefusedError ? { words: (t) => t('common.withNote', { text: t('forms.errors.denied'), note: e.code }) } : undefined));
    expect(describeError(new StationRefusedError('人口办审批'), zh)).toBe('当前账号无权办理此项（人口办审批）');
    undo();
    undo = registerErrors((e) => (e instanceof TakenError ? { key: 'forms.errors.denied' } : undefined));
    expect(describeError(new TakenError(), zh)).toBe('当前账号无权办理此项');
    expect(describeError(new TakenError(), zh, { overrides: { 'forms.errors.denied': 'records.errors.saveFailed' } })).toBe('保存失败，已填写的内容仍保留');
  });

  it('falls back to the module’s sentence for a failure nobody registered, and forgets translators when undone', () => {
    expect(describeError(new Error('disk full'), zh)).toBe('操作失败：disk full');
    expect(describeError(new Error('disk full'), en)).toBe('The action failed: disk full');
    expect(describeError(new Error('disk full'), zh, { fallback: 'records.errors.saveFailed' })).toBe('保存失败，已填写的内容仍保留');
    undo = registerErrors((e) => (e instanceof TakenError ? { key: 'records.errors.householdNumberTaken' } : undefined));
    expect(describeError(new TakenError('x'), zh)).toBe('该户号已被使用');
    undo();
    undo = null;
    expect(describeError(new TakenError('x'), zh)).toBe('操作失败：x');
  });
});
