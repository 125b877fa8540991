// @ts-check
/**
 * The renderer's whole import graph, for what a one-file ESLint rule cannot see: cycles between units
 * (features/a → features/b → features/a, even through index.ts). Used by tests/lint/import-graph.test.ts.
 *
 * Every static import, export … from, import() and import('x').T in .ts files and in .vue <script>/<script setup>
 * blocks is resolved the way Vite and tsc (moduleResolution: Bundler) do for this project: relative or @renderer/,
 * exact file, then .ts, .vue, .d.ts, then folder/index.ts. Imports that leave renderer/ (npm, @shared) are not edges.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { parse as parseSfc } from 'vue/compiler-sfc';
import { checkImport, defaultLayerOptions, rendererTarget, unitOf } from './layers.js';

/** @typedef {import('./layers.js').LayerOptions} LayerOptions */
/** @typedef {import('./layers.js').Violation} Violation */
/**
 * One import as written. `specifier` is null for a computed import(expr), which hides its edge from the graph.
 * @typedef {{ specifier: string | null, line: number, typeOnly: boolean }} ImportSite
 */
/**
 * One resolved import between two renderer files (paths relative to renderer/).
 * @typedef {{ from: string, to: string, specifier: string, line: number, typeOnly: boolean }} ImportEdge
 */
/**
 * An import the walker could not follow: a renderer path with no file behind it, or a computed import().
 * @typedef {{ from: string, specifier: string | null, line: number }} LooseImport
 */
/** @typedef {{ files: string[], edges: ImportEdge[], loose: LooseImport[] }} ImportGraph */
/** Unit → unit → the file imports that make the edge. @typedef {Map<string, Map<string, ImportEdge[]>>} UnitGraph */

const sourceExtensions = ['.ts', '.vue'];
const resolveSuffixes = ['', '.ts', '.vue', '.d.ts', '/index.ts', '/index.vue'];

/**
 * The module specifiers of one TypeScript source, with 1-based lines.
 * @param {string} code
 * @param {string} fileName
 * @param {number} [firstLine] line of `code`'s first line in the file (for .vue blocks)
 * @returns {ImportSite[]}
 */
export function importsOfScript(code, fileName, firstLine = 1) {
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  /** @type {ImportSite[]} */
  const sites = [];
  /** @param {ts.Node} node @param {ts.Node | undefined} spec @param {boolean} typeOnly */
  const add = (node, spec, typeOnly) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + firstLine;
    const specifier = spec && (ts.isStringLiteral(spec) || ts.isNoSubstitutionTemplateLiteral(spec)) ? spec.text : null;
    sites.push({ specifier, line, typeOnly });
  };
  /** @param {ts.Node} node */
  const walk = (node) => {
    if (ts.isImportDeclaration(node)) add(node, node.moduleSpecifier, node.importClause?.isTypeOnly ?? false);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier) add(node, node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, node.arguments[0], false);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node, node.argument.literal, true);
    ts.forEachChild(node, walk);
  };
  walk(sf);
  return sites;
}

/**
 * The module specifiers of a .ts or .vue file (both <script> blocks of a single-file component).
 * @param {string} fileName
 * @param {string} text
 * @returns {ImportSite[]}
 */
export function importsOfFile(fileName, text) {
  if (!fileName.endsWith('.vue')) return importsOfScript(text, fileName);
  const { descriptor } = parseSfc(text, { filename: fileName });
  return [descriptor.script, descriptor.scriptSetup].flatMap((block) =>
    block ? importsOfScript(block.content, `${fileName}.ts`, block.loc.start.line) : [],
  );
}

/**
 * Every .ts and .vue file under `dir`, relative to it, sorted.
 * @param {string} dir
 * @returns {string[]}
 */
export function listSources(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && sourceExtensions.some((ext) => e.name.endsWith(ext)))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * The file a renderer path names on disk, relative to renderer/, or null.
 * @param {string} rendererAbs
 * @param {string} rel
 * @returns {string | null}
 */
export function resolveOnDisk(rendererAbs, rel) {
  const bases = [rel, ...(rel.endsWith('.js') ? [rel.slice(0, -3)] : [])];
  for (const base of bases) {
    for (const suffix of resolveSuffixes) {
      const candidate = base ? `${base}${suffix}` : suffix.replace(/^\//, '');
      if (candidate && fs.statSync(path.join(rendererAbs, candidate), { throwIfNoEntry: false })?.isFile()) return candidate;
    }
  }
  return null;
}

/**
 * Walks renderer/ and resolves every import in it.
 * @param {string} cwd project root
 * @param {Partial<LayerOptions>} [options]
 * @returns {ImportGraph}
 */
export function buildImportGraph(cwd, options = {}) {
  const { rendererDir, alias } = { ...defaultLayerOptions, ...options };
  const rendererAbs = path.resolve(cwd, rendererDir);
  const files = listSources(rendererAbs);
  /** @type {ImportEdge[]} */
  const edges = [];
  /** @type {LooseImport[]} */
  const loose = [];
  for (const from of files) {
    for (const { specifier, line, typeOnly } of importsOfFile(from, fs.readFileSync(path.join(rendererAbs, from), 'utf8'))) {
      if (specifier === null) {
        loose.push({ from, specifier, line });
        continue;
      }
      const target = rendererTarget(specifier, from, alias);
      if (target === null) continue;
      const to = resolveOnDisk(rendererAbs, target);
      if (to === null) loose.push({ from, specifier, line });
      else edges.push({ from, to, specifier, line, typeOnly });
    }
  }
  return { files, edges, loose };
}

/**
 * Folds file imports into imports between units (app, platform/<m>, sync, features/<f>); imports inside a unit drop.
 * @param {ImportEdge[]} edges
 * @returns {UnitGraph}
 */
export function unitGraphOf(edges) {
  /** @type {UnitGraph} */
  const graph = new Map();
  for (const edge of edges) {
    const from = unitOf(edge.from)?.name;
    const to = unitOf(edge.to)?.name;
    if (!from || !to || from === to) continue;
    const targets = graph.get(from) ?? new Map();
    graph.set(from, targets);
    targets.set(to, [...(targets.get(to) ?? []), edge]);
  }
  return graph;
}

/**
 * One cycle per strongly connected component of a directed graph (Tarjan), each the shortest way round from the
 * component's first node in sort order, as [a, b, …, a]. Empty when the graph is acyclic.
 * @param {Map<string, Iterable<string> | Map<string, unknown>>} graph node → its targets (a list, or a UnitGraph's map)
 * @returns {string[][]}
 */
export function findCycles(graph) {
  /** @param {string} node */
  const next = (node) => {
    const targets = graph.get(node) ?? [];
    return [...(targets instanceof Map ? targets.keys() : targets)].sort();
  };
  const nodes = [...new Set([...graph.keys()].flatMap((node) => [node, ...next(node)]))].sort();
  /** @type {Map<string, number>} */
  const index = new Map();
  /** @type {Map<string, number>} */
  const low = new Map();
  /** @type {string[]} */
  const stack = [];
  const onStack = new Set();
  /** @type {string[][]} */
  const components = [];

  /** @param {string} v */
  const connect = (v) => {
    index.set(v, index.size);
    low.set(v, index.get(v) ?? 0);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    /** @type {string[]} */
    const component = [];
    let w;
    do {
      w = /** @type {string} */ (stack.pop());
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    components.push(component.sort());
  };
  for (const v of nodes) if (!index.has(v)) connect(v);

  return components
    .filter((c) => c.length > 1 || next(c[0] ?? '').includes(c[0] ?? ''))
    .map((c) => shortestCycle(next, c))
    .sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/**
 * Breadth-first from the component's first node back to itself, staying inside the component.
 * @param {(node: string) => string[]} next
 * @param {string[]} component sorted
 * @returns {string[]}
 */
function shortestCycle(next, component) {
  const start = component[0] ?? '';
  const inside = new Set(component);
  /** @type {Map<string, string>} */
  const cameFrom = new Map();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i] ?? '';
    for (const w of next(v)) {
      if (w === start) {
        /** @type {string[]} */
        const back = [];
        for (let u = v; u !== start; u = cameFrom.get(u) ?? start) back.push(u);
        return [start, ...back.reverse(), start];
      }
      if (inside.has(w) && !cameFrom.has(w) && w !== start) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/**
 * Every import that breaks a layer rule (direction or deep import), judged as the ESLint rules judge it.
 * @param {ImportEdge[]} edges
 * @param {string} [alias]
 * @returns {(ImportEdge & Violation)[]}
 */
export function layerViolations(edges, alias = defaultLayerOptions.alias) {
  return edges.flatMap((edge) => {
    const violation = checkImport(edge.from, edge.to, edge.specifier, alias);
    return violation ? [{ ...edge, ...violation }] : [];
  });
}

/**
 * Where an import sits, as `renderer/features/a/x.ts:12 '@renderer/features/b'`.
 * @param {{ from: string, line: number, specifier: string | null, typeOnly?: boolean }} site
 * @param {string} [rendererDir]
 */
export function describeImport(site, rendererDir = defaultLayerOptions.rendererDir) {
  const type = site.typeOnly ? ' (type-only)' : '';
  return `${rendererDir}/${site.from}:${site.line} ${site.specifier === null ? 'import(<computed>)' : `'${site.specifier}'`}${type}`;
}

/**
 * A cycle with the imports behind each step, one step a line.
 * @param {string[]} cycle [a, b, …, a]
 * @param {UnitGraph} graph
 * @param {string} [rendererDir]
 */
export function describeCycle(cycle, graph, rendererDir = defaultLayerOptions.rendererDir) {
  const steps = cycle.slice(1).map((to, i) => {
    const from = cycle[i] ?? '';
    const via = graph.get(from)?.get(to) ?? [];
    const more = via.length > 1 ? ` (+${via.length - 1} more)` : '';
    return `  ${from} → ${to}: ${via[0] ? describeImport(via[0], rendererDir) : '?'}${more}`;
  });
  return [`cycle ${cycle.join(' → ')}`, ...steps].join('\n');
}
