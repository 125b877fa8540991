import { z } from 'zod';
import { documentText, textLength, type DocumentTextRule } from '../../validation/document-text';

/**
 * Field helpers of the resident forms. Error messages are stable keys (`required`, `date`…) that the UI shows
 * in the current language beside the field; the shared rules never hold display text.
 */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');
export const optionalText = (max: number) => z.string().trim().max(max, 'tooLong').default('');
export const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong');
export const optionalDate = z.union([z.literal(''), isoDate]).default('');
export const divisionCodeField = z.string().regex(/^\d{6}$/, 'divisionCode');

/** Optional document text (former names, places, workplace, occupation): see shared/validation/document-text.ts. */
export const optionalDocumentText = (rule: DocumentTextRule, max: number) => documentText(rule, max).default('');

/** 住址: required document text of at least 4 characters. */
export const addressField = (max: number) => documentText('address', max, { required: true }).refine((a) => textLength(a) >= 4, 'address');

/**
 * 中文姓名: Han characters (rare ones too: 䶮, 𠮷), the middle dot of minority and foreign names (阿依古丽·买买提; the
 * lookalike dots a paste brings become ·), Latin letters.
 */
export const personName = documentText('name', 30, { required: true });

/** Mobile (11 digits from 1) or landline with area code; optional. */
export const phoneField = z.union([z.literal(''), z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, 'phone')]).default('');

/** Height in cm, typed as text in forms. */
export const heightField = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === '' || v === null || v === undefined ? null : Number(v)))
  .pipe(z.number({ message: 'height' }).int('height').min(30, 'height').max(250, 'height').nullable());
