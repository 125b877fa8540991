import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptedChecks, judge, toFindings } from '../../../../tools/security-scan/findings';

const issue = (id: string, severity: string, extra: Record<string, unknown> = {}) => ({
  id,
  file: 'main/index.js',
  sample: 'new BrowserWindow(options)',
  location: { line: 12, column: 2 },
  description: 'd',
  severity: { value: 0, name: severity },
  confidence: { value: 1, name: 'FIRM' },
  manualReview: false,
  ...extra,
});

describe('electronegativity result', () => {
  it('reads findings and the files it could not analyse', () => {
    const { findings, unparsed } = toFindings({
      globalChecks: 6,
      atomicChecks: 40,
      issues: [issue('CSP_GLOBAL_CHECK', 'LOW'), issue('X', 'surprising')],
      errors: [{ file: 'renderer/assets/index.js', message: 'Unknown node type', tolerable: false }],
    });
    expect(findings.map((f) => [f.id, f.severity, f.line])).toEqual([
      ['CSP_GLOBAL_CHECK', 'LOW', 12],
      ['X', 'HIGH', 12], // an unknown severity counts as the worst
    ]);
    expect(unparsed).toEqual([{ file: 'renderer/assets/index.js', message: 'Unknown node type' }]);
  });

  it('refuses a result it does not understand', () => {
    expect(() => toFindings({ issues: [{ id: 'X' }] })).toThrow();
    expect(() => toFindings(undefined)).toThrow();
  });
});

describe('the gate', () => {
  const docs = [
    '| check | severity | why |',
    '|---|---|---|',
    '| `CSP_GLOBAL_CHECK` | LOW | inline styles for Element Plus |',
    '| `AUXCLICK_JS_CHECK` | MEDIUM |  |',
    'text mentioning `SANDBOX_JS_CHECK` outside the table',
  ].join('\n');

  it('reads accepted checks only from table rows that give a reason', () => {
    expect([...acceptedChecks(docs)]).toEqual(['CSP_GLOBAL_CHECK']);
  });

  it('fails on any high finding, explained or not, and on an unexplained lower one', () => {
    const accepted = new Set(['CSP_GLOBAL_CHECK', 'CONTEXT_ISOLATION_JS_CHECK']);
    const { findings } = toFindings({ issues: [issue('CSP_GLOBAL_CHECK', 'LOW')], errors: [] });
    expect(judge(findings, accepted).ok).toBe(true);
    const high = toFindings({ issues: [issue('CONTEXT_ISOLATION_JS_CHECK', 'HIGH')] }).findings;
    expect(judge(high, accepted)).toMatchObject({ ok: false, high: [{ id: 'CONTEXT_ISOLATION_JS_CHECK' }] });
    const medium = toFindings({ issues: [issue('SANDBOX_JS_CHECK', 'MEDIUM')] }).findings;
    expect(judge(medium, accepted)).toMatchObject({ ok: false, unexplained: [{ id: 'SANDBOX_JS_CHECK' }] });
  });

  it('docs/security.md explains the findings this app accepts', () => {
    const accepted = acceptedChecks(readFileSync(resolve(import.meta.dirname, '../../../../docs/security.md'), 'utf8'));
    expect([...accepted].sort()).toEqual(['AUXCLICK_JS_CHECK', 'CSP_GLOBAL_CHECK']);
  });
});
