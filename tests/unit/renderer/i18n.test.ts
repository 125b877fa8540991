import { describe, expect, it } from 'vitest';
import { allMessages } from '@renderer/platform/i18n/setup';
import { appMessages } from '@renderer/app/composition';

// Features' messages load from their own chunks (as after the app's first screen).
const appMessageModules = await appMessages();

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const messages = allMessages(appMessageModules) as unknown as Record<'zh-CN' | 'en', Tree>;
  const zh = leaves(messages['zh-CN']);
  const english = leaves(messages.en);

  it('English has exactly the keys of Simplified Chinese', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('every message keeps the same placeholders in both languages', () => {
    for (const [key, text] of zh) expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  /**
   * The English UI shows no Chinese except data. Han characters and the full-width punctuation of Chinese text
   * (，。：；、（）“” and the CJK symbols block) both count; the only allowances are listed, each with its reason.
   */
  it('no English message is left in Chinese or Chinese punctuation, apart from the listed data', () => {
    const chinese = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
    const allowed: Record<string, string> = {
      // The language switch names each language in itself, so a Chinese reader finds 简体中文 in the English UI.
      'language.zh-CN': '简体中文',
    };
    const leftInChinese = [...english].filter(([key, text]) => chinese.test(text) && allowed[key] !== text);
    expect(leftInChinese).toEqual([]);
  });

  it('the check for Chinese in English catches a full-width colon and a Han character', () => {
    const chinese = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
    expect(['Station：', 'Station 1、2', '（note）', '户口'].every((text) => chinese.test(text))).toBe(true);
    expect(chinese.test('Station: 1, 2 (note) — “quoted” it’s')).toBe(false);
  });
});
