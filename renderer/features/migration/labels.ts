import { beijingDateTime } from '@shared/domain/beijing-time';
import { ETHNICITY_CODES, RELATIONSHIP_CODES, codeName } from '@shared/domain/resident/code-tables';

/** Code-table options for selects, in the UI language. */
export function codeOptions(table: 'ethnicity' | 'relationship', locale: string): { value: string; label: string }[] {
  const rows = table === 'ethnicity' ? ETHNICITY_CODES : RELATIONSHIP_CODES;
  return rows.map((r) => ({ value: r.code, label: locale === 'en' ? r.en : r.zh }));
}

export function codeLabel(table: 'ethnicity' | 'relationship' | 'sex' | 'education' | 'marital', code: string, locale: string): string {
  return codeName(table, code, locale === 'en' ? 'en' : 'zh-CN');
}

/** ID numbers are masked on screen by default (个人信息保护): first 6 and last 4 shown. */
export function maskId(id: string): string {
  return id.length < 10 ? id : `${id.slice(0, 6)}********${id.slice(-4)}`;
}

/** Every time the migration screens and documents show is on a Beijing clock (deadlines are counted in it). */
export function formatTime(iso: string | undefined | null): string {
  return iso ? beijingDateTime(iso) : '';
}
