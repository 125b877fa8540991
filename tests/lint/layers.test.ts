import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Each fixture breaks exactly one layer rule. It is linted as if it lived at `as`, so the real flat config
 * (eslint.config.js) decides. Fixtures end in .txt so that neither lint nor tsc sees them as project code.
 */
const root = join(import.meta.dirname, '../..');
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', `${name}.txt`), 'utf8');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function lintAs(name: string, as: string) {
  const [result] = await eslint.lintText(fixture(name), { filePath: join(root, as) });
  return result?.messages ?? [];
}

const breaches = [
  { name: 'shared-imports-node.ts', as: 'shared/domain/x.ts', rule: 'no-restricted-imports', says: 'no Node built-ins' },
  { name: 'shared-imports-bare-node.ts', as: 'shared/domain/x.ts', rule: 'no-restricted-imports', says: 'no Node built-ins' },
  { name: 'shared-uses-dom.ts', as: 'shared/domain/x.ts', rule: 'no-restricted-globals', says: 'no DOM' },
  { name: 'shared-imports-vue.ts', as: 'shared/domain/x.ts', rule: 'no-restricted-imports', says: 'no Vue' },
  { name: 'shared-imports-electron.ts', as: 'shared/sync/x.ts', rule: 'no-restricted-imports', says: 'no Electron' },
  { name: 'shared-imports-dexie.ts', as: 'shared/sync/x.ts', rule: 'no-restricted-imports', says: 'Dexie' },
  { name: 'renderer-imports-node.ts', as: 'renderer/features/records/x.ts', rule: 'no-restricted-imports', says: 'never touches Node' },
  { name: 'renderer-imports-electron.ts', as: 'renderer/host/x.ts', rule: 'no-restricted-imports', says: 'never touches Electron' },
  { name: 'renderer-imports-main.ts', as: 'renderer/host/x.ts', rule: 'no-restricted-imports', says: 'never imports from electron/' },
  { name: 'preload-imports-lodash.ts', as: 'electron/preload/x.ts', rule: 'no-restricted-imports', says: 'only shared/' },
  { name: 'preload-imports-renderer.ts', as: 'electron/preload/x.ts', rule: 'no-restricted-imports', says: 'only shared/' },
  { name: 'preload-uses-main-api.ts', as: 'electron/preload/x.ts', rule: 'no-restricted-imports', says: 'renderer-side modules' },
  { name: 'main-imports-renderer.ts', as: 'electron/main/x.ts', rule: 'no-restricted-imports', says: 'never imports renderer/' },
  { name: 'renderer-bare-string.vue', as: 'renderer/features/records/X.vue', rule: 'vue/no-bare-strings-in-template', says: '' },
  { name: 'any-type.ts', as: 'shared/domain/x.ts', rule: '@typescript-eslint/no-explicit-any', says: '' },
];

describe('layer rules', () => {
  it.each(breaches)('$name linted as $as fails with $rule', async ({ name, as, rule, says }) => {
    const messages = await lintAs(name, as);
    const hit = messages.find((m) => m.ruleId === rule);
    expect(hit, JSON.stringify(messages)).toBeDefined();
    expect(hit?.severity).toBe(2);
    expect(hit?.message).toContain(says);
  });

  it.each([
    { name: 'preload-allowed.ts', as: 'electron/preload/x.ts' },
    { name: 'shared-allowed.ts', as: 'shared/domain/x.ts' },
    { name: 'renderer-imports-node.ts', as: 'electron/main/x.ts' },
  ])('$name is allowed at $as', async ({ name, as }) => {
    expect(await lintAs(name, as)).toEqual([]);
  });
});
