import { ZodError } from 'zod';

/**
 * Errors → words, in one place. A form shows each field's problem beside the field (`fieldErrors`, then
 * `fieldMessage`); a toast shows one sentence for any failure (`describeError`). The rule of a zod issue becomes
 * an i18n key — never zod's own English — and a module's own error classes become keys through the translators
 * it registers (`registerErrors`), so this module knows no feature.
 */

/** vue-i18n's `t` with named values. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** What the UI needs to translate: `t`, and `te` to ask whether a key exists. */
export interface Translator {
  t: Translate;
  te: (key: string) => boolean;
}

/** A field's first problem: the rule it broke and the rule's values (`{ minimum: 4 }`). */
export interface FieldError {
  /** A rule name (`required`, `tooLong`, `idNumber.checksum`) or, from a registered error, a full i18n key. */
  rule: string;
  params: Record<string, unknown>;
  /** The rule zod's issue code gives, used when `rule` (a schema's own key) has no text. */
  fallback?: string;
}

/** Field path (dots: `applicant.name`, `coMovers.0.idNumber`; `_form` for the whole form) → its first problem. */
export type FieldErrors = Record<string, FieldError>;

/** A registered error as an i18n key; `field` when it belongs beside a form field. */
export interface ErrorKey {
  key: string;
  params?: Record<string, unknown>;
  field?: string;
}

/** A registered error whose sentence is built from several keys (a refusal naming a status and the roles). */
export interface ErrorWords {
  words: (t: Translate) => string;
}

/** A module's error classes → keys (or words); undefined for errors it does not own. */
export type ErrorTranslator = (error: unknown) => ErrorKey | ErrorWords | undefined;

/** Where a form looks up its own words. */
export interface ErrorVocabulary {
  /** i18n prefix of the module's rule texts, tried before `forms.rules` (e.g. `records.errors`). */
  rules?: string;
  /** i18n key of a field's label, for sentences that must name the field (toasts). */
  label?: (path: string) => string | undefined;
  /** i18n key for an unknown failure, given `{ message }` (default `forms.errors.failed`). */
  fallback?: string;
  /** The module's own wording of a registered key (`forms.errors.denied` → `patrol.denied`, naming who may). */
  overrides?: Readonly<Record<string, string>>;
}

export const FORM_FIELD = '_form';

const translators = new Set<ErrorTranslator>();

/** Adds a module's translator (the composition root registers every module's); returns the undo. */
export function registerErrors(...added: ErrorTranslator[]): () => void {
  for (const translator of added) translators.add(translator);
  return () => {
    for (const translator of added) translators.delete(translator);
  };
}

function registered(error: unknown): ErrorKey | ErrorWords | undefined {
  for (const translator of translators) {
    const found = translator(error);
    if (found) return found;
  }
  return undefined;
}

type ZodIssue = ZodError['issues'][number];

/** A schema's own message is a stable key (`required`, `idNumber.checksum`); zod's defaults are sentences. */
const looksLikeKey = (message: string): boolean => /^[A-Za-z][\w-]*(\.[\w-]+)*$/.test(message);

const sized = (origin: string, text: string, count: string, value: string): string =>
  origin === 'string' ? text : origin === 'array' || origin === 'set' ? count : value;

/** The generic rule of a zod issue (a name under `forms.rules`) and its values. */
function ruleOfCode(issue: ZodIssue): Pick<FieldError, 'rule' | 'params'> {
  switch (issue.code) {
    case 'invalid_type':
      return { rule: 'required', params: {} };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string' && minimum <= 1) return { rule: 'required', params: {} };
      return { rule: sized(issue.origin, 'tooShort', 'tooFew', 'tooSmall'), params: { minimum } };
    }
    case 'too_big':
      return { rule: sized(issue.origin, 'tooLong', 'tooMany', 'tooBig'), params: { maximum: Number(issue.maximum) } };
    case 'invalid_format':
      return { rule: issue.format === 'date' || issue.format === 'datetime' ? 'date' : 'format', params: {} };
    case 'invalid_value':
      return { rule: 'choice', params: {} };
    case 'not_multiple_of':
      return { rule: 'multipleOf', params: { divisor: Number(issue.divisor) } };
    default:
      return { rule: 'invalid', params: {} };
  }
}

/** One zod issue as a field error: the schema's own key when it gave one, else the rule of the issue's code. */
export function issueError(issue: ZodIssue): FieldError {
  const byCode = ruleOfCode(issue);
  const params = issue.code === 'custom' && issue.params ? { ...byCode.params, ...issue.params } : byCode.params;
  if (looksLikeKey(issue.message)) return { rule: issue.message, params, fallback: byCode.rule };
  return { ...byCode, params };
}

export const issuePath = (issue: ZodIssue): string => (issue.path.length > 0 ? issue.path.map(String).join('.') : FORM_FIELD);

/**
 * Field → its first problem, from a zod error or a registered error that names a field; null for any other error
 * (show it with `describeError`).
 */
export function fieldErrors(error: unknown): FieldErrors | null {
  if (error instanceof ZodError) {
    const out: FieldErrors = {};
    for (const issue of error.issues) out[issuePath(issue)] ??= issueError(issue);
    return out;
  }
  const found = registered(error);
  if (found && 'key' in found && found.field) return { [found.field]: { rule: found.key, params: found.params ?? {} } };
  return null;
}

/** The text of a field error in the UI language: the module's rule, else the generic rule, else a full key. */
export function fieldMessage(error: FieldError, i18n: Translator, vocabulary: ErrorVocabulary = {}): string {
  const candidates = [error.rule, error.fallback].flatMap((rule) =>
    rule ? [...(vocabulary.rules ? [`${vocabulary.rules}.${rule}`] : []), `forms.rules.${rule}`, ...(rule.includes('.') ? [rule] : [])] : [],
  );
  const key = candidates.find((k) => i18n.te(k)) ?? 'forms.rules.invalid';
  return i18n.t(key, error.params);
}

/** Every field error translated, for templates that read plain strings. */
export function fieldMessages(errors: FieldErrors, i18n: Translator, vocabulary: ErrorVocabulary = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, error]) => [path, fieldMessage(error, i18n, vocabulary)]));
}

/** A field's problem as a sentence that names the field: 「姓名：必填」 (just the rule when the label is unknown). */
function namedFieldMessage(path: string, error: FieldError, i18n: Translator, vocabulary: ErrorVocabulary): string {
  const rule = fieldMessage(error, i18n, vocabulary);
  const labelKey = path === FORM_FIELD ? undefined : vocabulary.label?.(path);
  return labelKey && i18n.te(labelKey) ? i18n.t('common.labelled', { label: i18n.t(labelKey), value: rule }) : rule;
}

/** Any failure as one sentence for a toast, in the UI language. */
export function describeError(error: unknown, i18n: Translator, vocabulary: ErrorVocabulary = {}): string {
  const found = registered(error);
  if (found) return 'words' in found ? found.words(i18n.t) : i18n.t(vocabulary.overrides?.[found.key] ?? found.key, found.params ?? {});
  if (error instanceof ZodError) {
    const problems = Object.entries(fieldErrors(error) ?? {}).map(([path, e]) => namedFieldMessage(path, e, i18n, vocabulary));
    return [...new Set(problems)].join(i18n.t('forms.separator'));
  }
  const message = error instanceof Error ? error.message : String(error);
  return i18n.t(vocabulary.fallback ?? 'forms.errors.failed', { message });
}
