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
  // renderer units (tools/eslint-plugin-local): 1. platform ↛ sync/features/app
  { name: 'layering-platform-imports-sync.ts', as: 'renderer/platform/db/x.ts', rule: 'local/layering', says: "platform/db may not import sync ('@renderer/sync'): platform/* never imports renderer/sync" },
  { name: 'layering-platform-imports-feature.ts', as: 'renderer/platform/ui/x.ts', rule: 'local/layering', says: "platform/ui may not import features/records ('../../features/records'): platform/* never imports" },
  // 2. sync imports only platform/*
  { name: 'layering-sync-imports-feature.ts', as: 'renderer/sync/engine.ts', rule: 'local/layering', says: "sync may not import features/patrol ('@renderer/features/patrol'): renderer/sync imports only platform/*" },
  // 4. nothing outside app/ imports app/ (seen in a dynamic import, from a feature and from sync)
  { name: 'layering-imports-app.ts', as: 'renderer/features/settings/x.ts', rule: 'local/layering', says: "features/settings may not import app/ ('@renderer/app/router'): nothing imports renderer/app/ except app/ itself" },
  { name: 'layering-imports-app.ts', as: 'renderer/sync/x.ts', rule: 'local/layering', says: 'sync may not import app/' },
  // 3. another unit only through its index.ts: features, platform modules, sync; alias or relative; import, import type, export from, .vue
  { name: 'deep-import-feature.ts', as: 'renderer/features/records/x.ts', rule: 'local/no-deep-import', says: "features/records may import features/migration only through its index.ts: '@renderer/features/migration' (not '@renderer/features/migration/store')" },
  { name: 'deep-import-feature-relative.ts', as: 'renderer/features/records/x.ts', rule: 'local/no-deep-import', says: "features/records may import features/migration only through its index.ts: '@renderer/features/migration' (not '../migration/case-ops')" },
  { name: 'deep-import-feature.vue', as: 'renderer/features/records/views/X.vue', rule: 'local/no-deep-import', says: "only through its index.ts: '@renderer/features/migration'" },
  { name: 'deep-import-platform.ts', as: 'renderer/features/patrol/x.ts', rule: 'local/no-deep-import', says: "features/patrol may import platform/db only through its index.ts: '@renderer/platform/db'" },
  { name: 'deep-import-platform.ts', as: 'renderer/platform/session/x.ts', rule: 'local/no-deep-import', says: "platform/session may import platform/db only through its index.ts: '@renderer/platform/db'" },
  { name: 'deep-import-platform.ts', as: 'renderer/sync/x.ts', rule: 'local/no-deep-import', says: "sync may import platform/db only through its index.ts: '@renderer/platform/db'" },
  { name: 'deep-import-sync.ts', as: 'renderer/features/sync/x.ts', rule: 'local/no-deep-import', says: "features/sync may import sync only through its index.ts: '@renderer/sync' (not '@renderer/sync/outbox')" },
  { name: 'deep-import-sync.ts', as: 'renderer/app/x.ts', rule: 'local/no-deep-import', says: "app may import sync only through its index.ts: '@renderer/sync'" },
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
    // renderer units: same-unit relative, another feature / platform / sync through index.ts, npm and @shared
    { name: 'units-allowed-feature.ts', as: 'renderer/features/records/x.ts' },
    { name: 'units-allowed-feature.vue', as: 'renderer/features/records/components/X.vue' },
    { name: 'units-allowed-sync.ts', as: 'renderer/sync/x.ts' },
    { name: 'units-allowed-platform.ts', as: 'renderer/platform/session/x.ts' },
    { name: 'units-allowed-app.ts', as: 'renderer/app/main.ts' },
    // inside a unit, deep relative imports are free
    { name: 'deep-import-sync.ts', as: 'renderer/sync/x.ts' },
    { name: 'deep-import-feature.ts', as: 'renderer/features/migration/views/X.ts' },
    { name: 'layering-imports-app.ts', as: 'renderer/app/gate/x.ts' },
  ])('$name is allowed at $as', async ({ name, as }) => {
    expect(await lintAs(name, as)).toEqual([]);
  });
});
