// @ts-check
/**
 * Two ESLint rules over the renderer's layers (see layers.js), in the manner of vscode's code-layering and
 * code-no-deep-import-of-internal: every import form (import, export … from, import(), import('x').T types) is checked
 * against the unit it comes from and the unit it reaches.
 *   local/layering        platform/* ↛ sync, features, app; sync ↛ features, app; nothing outside app/ ↛ app/
 *   local/no-deep-import  across units, only a unit's index.ts
 * Options (both rules): { rendererDir = 'renderer' (from the ESLint cwd), alias = '@renderer' }.
 */
import path from 'node:path';
import { checkImport, defaultLayerOptions, rendererTarget } from './layers.js';

/** @typedef {import('eslint').Rule.RuleModule} RuleModule */
/** @typedef {import('eslint').Rule.RuleContext} RuleContext */
/** @typedef {import('eslint').Rule.RuleListener} RuleListener */
/** @typedef {import('./layers.js').LayerRule} LayerRule */
/** @typedef {{ type: string, value?: unknown, quasis?: { value: { cooked?: string | null } }[], expressions?: unknown[] }} SourceNode */

/**
 * The string a module-source node spells, or null when it is computed (import(name)).
 * @param {SourceNode | null | undefined} node
 * @returns {string | null}
 */
function specifierOf(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions?.length === 0) return node.quasis?.[0]?.value.cooked ?? null;
  return null;
}

/**
 * A listener that calls `onImport` for every module specifier in the file, with the node to report on.
 * @param {(specifier: string, node: SourceNode) => void} onImport
 * @returns {RuleListener}
 */
export function importListener(onImport) {
  /** @param {SourceNode | null | undefined} node */
  const visit = (node) => {
    const specifier = specifierOf(node);
    if (node && specifier !== null) onImport(specifier, node);
  };
  /** @param {{ source?: SourceNode | null }} node */
  const bySource = (node) => visit(node.source);
  return {
    ImportDeclaration: bySource,
    ExportAllDeclaration: bySource,
    ExportNamedDeclaration: bySource,
    ImportExpression: bySource,
    /** typescript-eslint: import('x').T @param {{ argument?: { type: string, literal?: SourceNode } }} node */
    TSImportType: (node) => visit(node.argument?.type === 'TSLiteralType' ? node.argument.literal : /** @type {SourceNode | undefined} */ (node.argument)),
    /** typescript-eslint: import x = require('x') @param {{ expression?: SourceNode }} node */
    TSExternalModuleReference: (node) => visit(node.expression),
  };
}

/**
 * @param {LayerRule} rule
 * @param {string} description
 * @returns {RuleModule}
 */
function layerRule(rule, description) {
  return {
    meta: {
      type: 'problem',
      docs: { description },
      schema: [
        {
          type: 'object',
          properties: { rendererDir: { type: 'string' }, alias: { type: 'string' } },
          additionalProperties: false,
        },
      ],
      messages: { [rule]: '{{message}}' },
    },
    create(context) {
      /** @type {Partial<import('./layers.js').LayerOptions>} */
      const options = context.options[0] ?? {};
      const { rendererDir, alias } = { ...defaultLayerOptions, ...options };
      const fromRel = path.relative(path.resolve(context.cwd, rendererDir), context.filename).split(path.sep).join('/');
      if (fromRel.startsWith('../') || path.isAbsolute(fromRel)) return {};

      return importListener((specifier, node) => {
        const target = rendererTarget(specifier, fromRel, alias);
        if (target === null) return;
        const violation = checkImport(fromRel, target, specifier, alias);
        if (violation?.rule !== rule) return;
        context.report({
          node: /** @type {import('estree').Node} */ (/** @type {unknown} */ (node)),
          messageId: rule,
          data: { message: violation.message },
        });
      });
    },
  };
}

export const layering = layerRule(
  'layering',
  'Renderer layers: platform/* imports no sync, features or app; sync imports only platform/*; nothing outside app/ imports app/.',
);

export const noDeepImport = layerRule(
  'no-deep-import',
  'Across renderer units (platform/<module>, sync, features/<feature>), import only the unit\'s index.ts.',
);
