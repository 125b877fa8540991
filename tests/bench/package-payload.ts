import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';

/**
 * What electron-builder would put into app.asar: the project files its `files` globs select (electron-builder.yml),
 * plus every production dependency's folder (`dependencies` and their own dependencies, as `npm ls --omit=dev`
 * lists them — what electron-builder's npm collector walks). An upper bound for node_modules: electron-builder also
 * drops READMEs, tests and .d.ts files there; with no runtime dependencies that part is zero anyway.
 */

/** electron-builder's glob subset used in `files`: `**`, `*`, `?`, and `!` to exclude. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** The files (relative, `/`-separated) `globs` select among `candidates`: included by a positive glob, not excluded. */
export function selectFiles(candidates: readonly string[], globs: readonly string[]): string[] {
  const include = globs.filter((g) => !g.startsWith('!')).map(globToRegExp);
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => globToRegExp(g.slice(1)));
  return candidates.filter((f) => include.some((r) => r.test(f)) && !exclude.some((r) => r.test(f)));
}

function walk(dir: string, skip: (name: string) => boolean = () => false): { path: string; bytes: number }[] {
  const out: { path: string; bytes: number }[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (skip(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path, skip));
    else if (entry.isFile()) out.push({ path, bytes: statSync(path).size });
  }
  return out;
}

export interface AsarPayload {
  appFiles: { path: string; bytes: number }[];
  dependencies: string[];
  appBytes: number;
  dependencyBytes: number;
}

export function asarPayload(root: string): AsarPayload {
  const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { files: string[] };
  // Project files: every top-level entry a positive glob can start with (node_modules is added separately below).
  const tops = new Set(config.files.filter((g) => !g.startsWith('!')).map((g) => g.split('/')[0] as string));
  const candidates = [...tops].flatMap((top) => {
    const path = join(root, top);
    try {
      return statSync(path).isDirectory() ? walk(path) : [{ path, bytes: statSync(path).size }];
    } catch {
      return [];
    }
  });
  const byRelative = new Map(candidates.map((f) => [relative(root, f.path).split(sep).join('/'), f]));
  const appFiles = selectFiles([...byRelative.keys()], config.files).map((f) => byRelative.get(f) as { path: string; bytes: number });

  const listed = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && l !== root);
  const dependencyBytes = listed.reduce((sum, dir) => sum + walk(dir, (name) => name === 'node_modules').reduce((s, f) => s + f.bytes, 0), 0);
  return {
    appFiles,
    dependencies: listed.map((d) => relative(join(root, 'node_modules'), d).split(sep).join('/')),
    appBytes: appFiles.reduce((s, f) => s + f.bytes, 0),
    dependencyBytes,
  };
}
