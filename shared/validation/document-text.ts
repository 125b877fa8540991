import { z } from 'zod';

/**
 * Text that official documents carry (户籍事项证明, 户口簿, 准予迁入证明, 户口迁移证, 巡逻日志): names, former names,
 * addresses, workplaces (服务处所), occupations (职业), officer names. Accepted: Chinese including rare characters (CJK
 * Ext A–I and the compatibility ideographs, many outside the BMP — so lengths count code points, never UTF-16 units),
 * the middle dot · of minority and foreign names, Latin letters, digits and the punctuation addresses need. Refused:
 * everything else — emoji, control and format characters (zero-width, bidi overrides), markup (`<img …>`).
 * Messages are stable codes (`chars.name`, `tooLong`, `required`); the renderer words them (forms.rules).
 */
export type DocumentTextRule = 'name' | 'names' | 'text' | 'address';

/** The code of each rule's refusal (an i18n key under `forms.rules`). */
export const documentTextCode = (rule: DocumentTextRule): string => `chars.${rule}`;

export const MIDDLE_DOT = '\u00B7';
/** Dots an IME or a paste gives instead of · (bullet, katakana middle dot, halfwidth katakana middle dot, hyphenation point). */
const DOT_LOOKALIKES = /[\u2022\u30FB\uFF65\u2027]/gu;

const HAN = '\\p{Script=Han}';
const LATIN = 'A-Za-z\\uFF21-\\uFF3A\\uFF41-\\uFF5A';
const DIGITS = '0-9\\uFF10-\\uFF19';
/** Punctuation of addresses and work units: dashes, brackets, number sign, commas, slash, colon, full stops. */
const ADDRESS_PUNCTUATION = '\\-\\uFF0D\\u2014()\\uFF08\\uFF09#\\uFF03,\\uFF0C\\u3001.\\uFF0E/\\uFF0F:\\uFF1A';

const allowed: Record<DocumentTextRule, RegExp> = {
  /** 姓名: Han, ·, Latin letters and single spaces (JOHN SMITH). */
  name: new RegExp(`^[${HAN}${MIDDLE_DOT}${LATIN} ]$`, 'u'),
  /** 曾用名: several names, separated by 、 or commas. */
  names: new RegExp(`^[${HAN}${MIDDLE_DOT}${LATIN} \\u3001,\\uFF0C]$`, 'u'),
  /** 职业, 服务处所 and other short texts. */
  text: new RegExp(`^[${HAN}${MIDDLE_DOT}${LATIN}${DIGITS} ${ADDRESS_PUNCTUATION}\\u300A\\u300B\\u201C\\u201D]$`, 'u'),
  /** 住址: like text (号 is Han). */
  address: new RegExp(`^[${HAN}${MIDDLE_DOT}${LATIN}${DIGITS} ${ADDRESS_PUNCTUATION}]$`, 'u'),
};

/** Characters counted as the user sees them: 𠮷 is one, not two UTF-16 units. */
export function textLength(value: string): number {
  let n = 0;
  for (const _ of value) n += 1;
  return n;
}

/** What is stored: trimmed (a paste brings spaces and line ends), and for names the lookalike dots made ·. */
export function normalizeDocumentText(value: string, rule: DocumentTextRule): string {
  const trimmed = value.trim();
  return rule === 'name' || rule === 'names' ? trimmed.replace(DOT_LOOKALIKES, MIDDLE_DOT) : trimmed;
}

/** How a refused character is named in a message: itself when printable, else its code point (U+200B). */
function shown(char: string): string {
  return /^[\p{C}\p{Z}\p{M}]$/u.test(char) ? `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : char;
}

/**
 * The same classes over a whole value: one regex run accepts a good value (the usual case, and what a bulk import
 * of 200,000 rows checks ~20 times a row); only a refused value is walked character by character to name the first.
 */
const allowedWhole = Object.fromEntries(
  Object.entries(allowed).map(([rule, pattern]) => [rule, new RegExp(`^${pattern.source.slice(1, -1)}*$`, 'u')]),
) as Record<DocumentTextRule, RegExp>;

/** The first character `rule` refuses in an already normalised value, as a message shows it; null when all pass. */
export function refusedCharacter(value: string, rule: DocumentTextRule): string | null {
  if (allowedWhole[rule].test(value)) return null;
  const pattern = allowed[rule];
  for (const char of value) if (!pattern.test(char)) return shown(char);
  return null;
}

export type DocumentTextProblem = { code: 'required' } | { code: 'tooLong'; maximum: number } | { code: string; char: string };

/** The value's first problem under `rule` (after normalising), or null. */
export function documentTextProblem(value: string, rule: DocumentTextRule, limits: { max: number; required?: boolean }): DocumentTextProblem | null {
  if (value === '') return limits.required ? { code: 'required' } : null;
  if (textLength(value) > limits.max) return { code: 'tooLong', maximum: limits.max };
  const char = refusedCharacter(value, rule);
  return char === null ? null : { code: documentTextCode(rule), char };
}

/**
 * A zod field of document text: normalised, then checked; the issue carries the code and its values (`maximum`,
 * `char`) for the message beside the field. Empty is allowed unless `required`.
 */
export function documentText(rule: DocumentTextRule, max: number, options: { required?: boolean } = {}) {
  return z
    .string()
    .transform((value) => normalizeDocumentText(value, rule))
    .superRefine((value, ctx) => {
      const problem = documentTextProblem(value, rule, { max, required: options.required ?? false });
      if (!problem) return;
      const { code, ...params } = problem;
      ctx.addIssue({ code: 'custom', message: code, params });
    });
}
