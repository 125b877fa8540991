import { describe, expect, it } from 'vitest';
import { codeTables } from '@shared/domain/resident/code-tables';
import { defaultChecklists } from '@shared/migration/categories';
import { allMessages } from '@renderer/platform/i18n/setup';
import { appMessages } from '@renderer/app/composition';

/**
 * English text uses ASCII punctuation (issue 16: "Origin：" in the English UI): every English message of every
 * module's en.ts, and the English side of the bilingual tables the UI shows in English (GB/T code tables, the
 * migration document checklist). Full-width ：，（）。；、 and the CJK symbols block are refused wherever they are.
 */
const FULL_WIDTH = /[：，（）。；、！？\u3000-\u303f]/;

// Features' messages load from their own chunks (as after the app's first screen).
const appMessageModules = await appMessages();

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value] as [string, string]] : leaves(value, path);
  });
}

describe('English text has no full-width punctuation', () => {
  it('in any English message', () => {
    const english = leaves((allMessages(appMessageModules) as unknown as Record<'en', Tree>).en);
    expect(english.length).toBeGreaterThan(500);
    // 简体中文 names the language in itself (language switch); it has no punctuation either.
    expect(english.filter(([, text]) => FULL_WIDTH.test(text))).toEqual([]);
  });

  it('in the English names of the code tables and the document checklist', () => {
    const tables = Object.entries(codeTables).flatMap(([name, rows]) => rows.map((r) => [`${name}.${r.code}`, r.en] as const));
    const checklist = Object.values(defaultChecklists).flatMap((items) => items.map((i) => [`checklist.${i.code}`, i.en] as const));
    expect([...tables, ...checklist].filter(([, text]) => FULL_WIDTH.test(text))).toEqual([]);
  });

  it('the check itself catches what the issue saw', () => {
    expect(['Origin：', 'a，b', '（note）', 'Done。'].every((text) => FULL_WIDTH.test(text))).toBe(true);
    expect(FULL_WIDTH.test('Origin: a, b (note). Done — “quoted” it’s')).toBe(false);
  });
});
