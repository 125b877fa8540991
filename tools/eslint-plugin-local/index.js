// @ts-check
/**
 * The project's own ESLint rules, loaded by eslint.config.js as the `local` plugin.
 * The import-graph walker next to them (import-graph.js) checks what one file at a time cannot: cycles between units.
 */
import { layering, noDeepImport } from './layering.js';

/** @type {import('eslint').ESLint.Plugin} */
const plugin = {
  meta: { name: 'eslint-plugin-local', version: '1.0.0' },
  rules: {
    layering,
    'no-deep-import': noDeepImport,
  },
};

export default plugin;
