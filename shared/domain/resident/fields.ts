import { z } from 'zod';

/**
 * Field helpers of the resident forms. Error messages are stable keys (`required`, `date`…) that the UI shows
 * in the current language beside the field; the shared rules never hold display text.
 */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');
export const optionalText = (max: number) => z.string().trim().max(max, 'tooLong').default('');
export const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong');
export const optionalDate = z.union([z.literal(''), isoDate]).default('');
export const divisionCodeField = z.string().regex(/^\d{6}$/, 'divisionCode');

/** 中文姓名: Han characters, optionally with the middle dot used in minority names (阿依古丽·买买提). */
export const personName = z
  .string()
  .trim()
  .min(1, 'required')
  .max(30, 'tooLong')
  .regex(/^[\u3400-\u9fff\u{20000}-\u{2ebef}·•A-Za-z ]+$/u, 'name');

/** Mobile (11 digits from 1) or landline with area code; optional. */
export const phoneField = z.union([z.literal(''), z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, 'phone')]).default('');

/** Height in cm, typed as text in forms. */
export const heightField = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === '' || v === null || v === undefined ? null : Number(v)))
  .pipe(z.number({ message: 'height' }).int('height').min(30, 'height').max(250, 'height').nullable());
