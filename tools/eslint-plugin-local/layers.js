// @ts-check
/**
 * The renderer's layers (docs/ARCHITECTURE.md, "The renderer's layers") as data and one pure check, shared by the ESLint rules
 * (one file at a time) and by the import-graph walker (the whole tree, for cycles). Paths here are POSIX paths relative
 * to renderer/, e.g. 'features/records/store.ts'.
 *
 *   app/                  composition root; nothing outside app/ imports it
 *   platform/<module>/    imports only other platform modules
 *   sync/                 imports only platform modules
 *   features/<feature>/   imports platform modules, sync and other features
 * Across units, only a unit's index.ts may be imported; inside a unit, anything goes.
 */
import path from 'node:path';

/** @typedef {'app' | 'platform' | 'sync' | 'feature'} UnitKind */
/**
 * A unit and where a path sits in it. `name` is also the unit's folder under renderer/ ('features/records').
 * @typedef {{ kind: UnitKind, name: string, inner: string }} UnitPath
 */
/** @typedef {'layering' | 'no-deep-import'} LayerRule */
/** @typedef {{ rule: LayerRule, message: string }} Violation */
/** @typedef {{ rendererDir: string, alias: string }} LayerOptions */

/** @type {LayerOptions} */
export const defaultLayerOptions = { rendererDir: 'renderer', alias: '@renderer' };

/** @type {Record<UnitKind, UnitKind[]>} Which other units each kind may import (besides npm packages and @shared). */
const mayImport = {
  app: ['platform', 'sync', 'feature'],
  platform: ['platform'],
  sync: ['platform'],
  feature: ['platform', 'sync', 'feature'],
};

/**
 * The unit a renderer-relative path belongs to, or null for files outside every unit (renderer/env.d.ts, styles.css).
 * A bare unit folder ('platform/db', 'sync') is the unit itself with inner ''.
 * @param {string} rel
 * @returns {UnitPath | null}
 */
export function unitOf(rel) {
  const [top, second, ...rest] = rel.split('/');
  if (top === 'app' || top === 'sync') {
    return { kind: top, name: top, inner: [second, ...rest].filter((s) => s !== undefined).join('/') };
  }
  if ((top === 'platform' || top === 'features') && second) {
    return { kind: top === 'platform' ? 'platform' : 'feature', name: `${top}/${second}`, inner: rest.join('/') };
  }
  return null;
}

/**
 * Whether a path inside a unit names its public entry (the folder itself or its index.ts).
 * @param {string} inner
 */
export function isUnitEntry(inner) {
  return inner === '' || /^index(\.(ts|js))?$/.test(inner);
}

/**
 * Where a module specifier points inside renderer/, without touching the disk: `@renderer/x` and relative paths
 * resolve, everything else (npm packages, @shared, paths that leave renderer/) is null. Vite queries (?raw) drop.
 * @param {string} specifier
 * @param {string} fromRel the importing file, relative to renderer/
 * @param {string} [alias]
 * @returns {string | null}
 */
export function rendererTarget(specifier, fromRel, alias = defaultLayerOptions.alias) {
  const spec = specifier.replace(/[?#].*$/, '');
  /** @type {string} */
  let rel;
  if (spec === alias || spec.startsWith(`${alias}/`)) {
    rel = path.posix.normalize(spec.slice(alias.length + 1) || '.');
  } else if (spec === '.' || spec === '..' || spec.startsWith('./') || spec.startsWith('../')) {
    rel = path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), spec));
  } else {
    return null;
  }
  rel = rel.replace(/\/$/, '');
  if (rel === '..' || rel.startsWith('../')) return null;
  return rel === '.' ? '' : rel;
}

/**
 * The one layer check: may the file at `fromRel` import `targetRel` (spelled `specifier`)? Null when it may.
 * A direction breach (rules 1, 2, 4) wins over a deep import (rule 3): fixing the direction removes both.
 * @param {string} fromRel importing file, relative to renderer/
 * @param {string} targetRel imported path (file or folder), relative to renderer/
 * @param {string} specifier as written, for the message
 * @param {string} [alias]
 * @returns {Violation | null}
 */
export function checkImport(fromRel, targetRel, specifier, alias = defaultLayerOptions.alias) {
  const from = unitOf(fromRel);
  const to = unitOf(targetRel);
  if (!to || (from && from.name === to.name)) return null;
  const who = from ? from.name : `renderer/${fromRel}`;
  const entry = `${alias}/${to.name}`;

  if (to.kind === 'app') {
    return {
      rule: 'layering',
      message:
        `${who} may not import app/ ('${specifier}'): nothing imports renderer/app/ except app/ itself (it is the composition root). ` +
        `Move what you need into a platform module or a feature's index.ts, and let app/ wire it in.`,
    };
  }
  if (from && !mayImport[from.kind].includes(to.kind)) {
    const banned = from.kind === 'platform'
      ? 'platform/* never imports renderer/sync, renderer/features or renderer/app'
      : 'renderer/sync imports only platform/* (through its index.ts), npm packages and @shared';
    return {
      rule: 'layering',
      message:
        `${who} may not import ${to.name} ('${specifier}'): ${banned}. ` +
        `Move what it needs down into a platform module (or @shared), or let the caller pass it in.`,
    };
  }
  if (!isUnitEntry(to.inner)) {
    return {
      rule: 'no-deep-import',
      message:
        `${who} may import ${to.name} only through its index.ts: '${entry}' (not '${specifier}'). ` +
        `Export what you need from renderer/${to.name}/index.ts.`,
    };
  }
  return null;
}
