import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * The static import graph of a TypeScript entry (main or preload), as the bundler sees it: value imports and
 * re-exports followed through relative paths and the `@shared` alias; `import type` / `export type` left out
 * (erased at build). Returns the source files reached and the bare package names imported.
 */
export const root = resolve(import.meta.dirname, '../../..');
const aliases: Record<string, string> = { '@shared': join(root, 'shared') };
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

const IMPORT = /(?:^|[\n;])\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveFile(base: string): string | null {
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate) && candidate.endsWith('.ts')) return candidate;
  return null;
}

export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

export function importGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [resolve(root, entry)];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const specifiers: string[] = [];
    for (const match of source.matchAll(IMPORT)) if (!match[2] && match[3]) specifiers.push(match[3]);
    for (const match of source.matchAll(DYNAMIC)) if (match[1]) specifiers.push(match[1]);
    for (const specifier of specifiers) {
      const alias = Object.keys(aliases).find((a) => specifier === a || specifier.startsWith(`${a}/`));
      const local = alias ? join(aliases[alias] as string, specifier.slice(alias.length)) : specifier.startsWith('.') ? join(dirname(file), specifier) : null;
      if (local) {
        const target = resolveFile(local);
        if (!target) throw new Error(`${file}: cannot resolve ${specifier}`);
        pending.push(target);
      } else if (!builtins.has(specifier)) {
        packages.add(packageName(specifier));
      }
    }
  }
  return { files: [...files].map((f) => f.slice(root.length + 1)).sort(), packages: [...packages].sort() };
}
