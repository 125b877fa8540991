import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { acceptedChecks, formatFinding, judge, toFindings } from './findings';

/**
 * npm run security:scan — electronegativity over the built app (out/), offline. Fails on any high-severity finding
 * and on any lower finding that docs/security.md does not explain.
 */
const root = resolve(import.meta.dirname, '../..');
const input = resolve(root, process.argv[2] ?? 'out');
const electronVersion = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;

type Run = (options: Record<string, unknown>) => Promise<unknown>;
const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;

const result = await run({
  input,
  isRelative: true,
  electronVersionOverride: electronVersion,
  // Needs the network (Electron's release list); the Electron version is pinned in package.json instead.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
});
const { findings, unparsed } = toFindings(result);
const verdict = judge(findings, acceptedChecks(await readFile(resolve(root, 'docs/security.md'), 'utf8')));

console.log(`electronegativity on ${input} (Electron ${electronVersion}): ${findings.length} findings`);
for (const u of unparsed) console.log(`  not analysed ${u.file}: ${u.message}`);
for (const f of verdict.accepted) console.log(`  accepted     ${formatFinding(f)}`);
for (const f of verdict.unexplained) console.log(`  UNEXPLAINED  ${formatFinding(f)}`);
for (const f of verdict.high) console.log(`  HIGH         ${formatFinding(f)}`);
if (!verdict.ok) {
  console.error('security scan failed: fix the high findings; explain any accepted lower finding in docs/security.md');
  process.exitCode = 1;
}
