import { z } from 'zod';

/**
 * What electronegativity reports, reduced to what the gate needs. The library's result crosses into our code here,
 * so it is parsed, not trusted: a changed result shape fails the scan loudly instead of passing it silently.
 */
const level = z.object({ name: z.string() });
const rawIssue = z.object({
  id: z.string(),
  file: z.string(),
  sample: z.string().optional().default(''),
  location: z.object({ line: z.number(), column: z.number() }).partial().optional(),
  description: z.string().optional().default(''),
  severity: level,
  confidence: level,
});
const parseError = z.object({ file: z.string(), message: z.string().optional().default('') });
export const scanResult = z.object({ issues: z.array(rawIssue), errors: z.array(parseError).default([]) });

export const severities = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof severities)[number];

export interface Finding {
  id: string;
  severity: Severity;
  confidence: string;
  file: string;
  line: number;
  sample: string;
  description: string;
}

function severityOf(name: string): Severity {
  const upper = name.toUpperCase();
  return (severities as readonly string[]).includes(upper) ? (upper as Severity) : 'HIGH'; // unknown counts as the worst
}

/** Findings, and the files the scanner could not analyse (reported, so a gap in coverage is never silent). */
export function toFindings(result: unknown): { findings: Finding[]; unparsed: { file: string; message: string }[] } {
  const parsed = scanResult.parse(result);
  const findings = parsed.issues.map((i) => ({
    id: i.id,
    severity: severityOf(i.severity.name),
    confidence: i.confidence.name,
    file: i.file,
    line: i.location?.line ?? 0,
    sample: i.sample,
    description: i.description,
  }));
  return { findings, unparsed: parsed.errors };
}

/**
 * The check IDs that docs/security.md explains, read from its table of accepted findings: rows whose first cell
 * is a check ID in backticks, e.g. "| `CSP_GLOBAL_CHECK` | LOW | why it is accepted |".
 */
export function acceptedChecks(markdown: string): Set<string> {
  const ids = new Set<string>();
  for (const line of markdown.split(/\r?\n/)) {
    const match = /^\|\s*`([A-Z0-9_]+)`\s*\|[^|]*\|\s*\S[^|]*\|/.exec(line);
    if (match?.[1]) ids.add(match[1]);
  }
  return ids;
}

export interface Verdict {
  /** High severity: never accepted. */
  high: Finding[];
  /** Lower findings that docs/security.md does not explain. */
  unexplained: Finding[];
  accepted: Finding[];
  ok: boolean;
}

export function judge(findings: readonly Finding[], accepted: ReadonlySet<string>): Verdict {
  const high = findings.filter((f) => f.severity === 'HIGH');
  const lower = findings.filter((f) => f.severity !== 'HIGH');
  const unexplained = lower.filter((f) => !accepted.has(f.id));
  return { high, unexplained, accepted: lower.filter((f) => accepted.has(f.id)), ok: high.length === 0 && unexplained.length === 0 };
}

export function formatFinding(f: Finding): string {
  return `${f.severity.padEnd(13)} ${f.id} ${f.file}:${f.line} ${f.sample.slice(0, 100)}`;
}
