import { describe, expect, it } from 'vitest';
import { allMessages } from '@renderer/platform/i18n/setup';
import { appMessages } from '@renderer/app/composition';

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
  const messages = allMessages(appMessages()) as unknown as Record<'zh-CN' | 'en', Tree>;
  const zh = leaves(messages['zh-CN']);
  const english = leaves(messages.en);

  it('English has exactly the keys of Simplified Chinese', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('every message keeps the same placeholders in both languages', () => {
    for (const [key, text] of zh) expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('no English message is left in Chinese, apart from the language names', () => {
    const han = /[\u4e00-\u9fff]/;
    const leftInChinese = [...english].filter(([key, text]) => han.test(text) && key !== 'language.zh-CN');
    expect(leftInChinese).toEqual([]);
  });
});
