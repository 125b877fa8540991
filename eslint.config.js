// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import globals from 'globals';
import local from './tools/eslint-plugin-local/index.js';

/**
 * The layers, enforced here (tests/lint proves each rule fires):
 *   shared/           pure TypeScript: no DOM, Node, Electron, Vue or browser-storage libraries
 *   renderer/         no Node, no Electron, nothing from electron/
 *   electron/preload  only shared/ and Electron's renderer-side modules
 *   electron/main     never renderer/
 * Inside renderer/ (tools/eslint-plugin-local; the layers of docs/ARCHITECTURE.md):
 *   local/layering        platform/* imports no sync, features or app; sync imports only platform/*; nothing outside app/ imports app/
 *   local/no-deep-import  another unit (platform/<module>, sync, features/<feature>) only through its index.ts
 *   folder cycles between units need the whole graph: tests/lint/import-graph.test.ts
 */
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
const nodeImports = [...nodeBuiltins, ...nodeBuiltins.map((m) => `node:${m}`)];
const electronImports = ['electron', 'electron/*', '@electron/*', '@electron-toolkit/*'];

const msg = {
  sharedNode: 'shared/ is pure TypeScript: no Node built-ins (it runs in the renderer and main alike).',
  sharedElectron: 'shared/ is pure TypeScript: no Electron.',
  sharedUi: 'shared/ is pure TypeScript: no Vue, Pinia, Element Plus or Dexie; put UI and storage code in renderer/.',
  rendererNode: 'renderer/ never touches Node: ask the host through the bridge (renderer/platform/host).',
  rendererElectron: 'renderer/ never touches Electron: ask the host through the bridge (renderer/platform/host).',
  rendererMain: 'renderer/ never imports from electron/: the bridge contract lives in shared/bridge.',
  preloadOnly: 'electron/preload may import only shared/ (via @shared/) and Electron\'s renderer-side modules.',
  preloadMainApi: 'electron/preload may use only Electron\'s renderer-side modules (contextBridge, ipcRenderer, webFrame).',
  mainRenderer: 'electron/main never imports renderer/ code.',
  sharedGlobal: 'shared/ is pure TypeScript: no DOM or browser globals; pass what you need in as arguments.',
};

/** Absolute, so the rules place files right whatever directory eslint runs from. */
const layerOptions = { rendererDir: `${import.meta.dirname}/renderer`, alias: '@renderer' };

const browserGlobalsBanned = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'XMLHttpRequest', 'WebSocket', 'process', 'Buffer', 'require', '__dirname'];

const mainOnlyElectronApis = ['app', 'BrowserWindow', 'ipcMain', 'dialog', 'protocol', 'session', 'net', 'safeStorage', 'shell', 'Menu', 'Tray', 'webContents', 'screen', 'powerMonitor', 'autoUpdater', 'utilityProcess'];

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**', 'tests/lint/fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
  },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/attributes-order': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...browserGlobalsBanned.map((name) => ({ name, message: msg.sharedGlobal }))],
      'no-restricted-imports': [
        'error',
        {
          paths: nodeImports.map((name) => ({ name, message: msg.sharedNode })),
          patterns: [
            { group: electronImports, message: msg.sharedElectron },
            { group: ['node:*'], message: msg.sharedNode },
            { group: ['vue', 'vue/*', '@vue/*', 'pinia', 'vue-*', 'element-plus', 'element-plus/*', '@element-plus/*', 'dexie', 'dexie/*', 'echarts', 'echarts/*'], message: msg.sharedUi },
            { group: ['**/renderer/**', '@renderer/*', '**/electron/**'], message: msg.sharedUi },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { local },
    rules: {
      'local/layering': ['error', layerOptions],
      'local/no-deep-import': ['error', layerOptions],
      'no-restricted-imports': [
        'error',
        {
          paths: nodeImports.map((name) => ({ name, message: msg.rendererNode })),
          patterns: [
            { group: ['**/electron/main/**', '**/electron/preload/**', '**/electron/main', '**/electron/preload'], message: msg.rendererMain },
            { group: electronImports, message: msg.rendererElectron },
            { group: ['node:*'], message: msg.rendererNode },
          ],
        },
      ],
      'vue/no-bare-strings-in-template': ['error', { allowlist: ['·', '-', '/', '|', '(', ')', ':', '：', '%', '*'] }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', importNames: mainOnlyElectronApis, message: msg.preloadMainApi }],
          patterns: [{ regex: '^(?!(electron|@shared/.+|\\./.+)$)', message: msg.preloadOnly }],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**', '**/renderer', '@renderer/*', '@renderer'], message: msg.mainRenderer }] },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'tools/**/*.ts', 'tools/**/*.js', '*.config.ts', '*.config.js', '.ci/**/*.mjs', 'tests/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
