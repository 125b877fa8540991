// Prints the closing lines CI reads, from the runners' JSON reports:
//   unit: N passed, N failed, N skipped
//   e2e: N passed, N failed, N skipped
import { existsSync, readFileSync } from 'node:fs';

function unit() {
  const path = 'reports/unit.json';
  if (!existsSync(path)) return null;
  const r = JSON.parse(readFileSync(path, 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function e2e() {
  const path = 'reports/e2e.json';
  if (!existsSync(path)) return null;
  const s = JSON.parse(readFileSync(path, 'utf8')).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
}

let failed = false;
for (const [label, counts] of [['unit', unit()], ['e2e', e2e()]]) {
  if (!counts) {
    console.log(`${label}: no report found`);
    failed = true;
    continue;
  }
  console.log(`${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  if (counts.failed > 0 || counts.passed === 0) failed = true;
}
process.exit(failed ? 1 : 0);
