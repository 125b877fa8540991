import { z } from 'zod';

/**
 * The minimum client version (issue 19 §5): the integration office may set `minClientVersion` in the signed
 * roster when a release brings event types older stations cannot read. A station below it keeps working offline
 * and keeps syncing what it can; it shows who to ask for the new MSI, and its sync status explains that neighbours
 * may send events it does not know yet. This file is the pure rule; the renderer shows it.
 */

/** A release version as package.json writes it: MAJOR.MINOR.PATCH, optionally -prerelease (+build is ignored). */
export const clientVersion = z
  .string()
  .max(64)
  .regex(/^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/, 'version: MAJOR.MINOR.PATCH');

interface ParsedVersion {
  core: [number, number, number];
  pre: string[];
}

function parseVersion(version: string): ParsedVersion | null {
  if (!clientVersion.safeParse(version).success) return null;
  const [withoutBuild = ''] = version.split('+');
  const dash = withoutBuild.indexOf('-');
  const core = (dash < 0 ? withoutBuild : withoutBuild.slice(0, dash)).split('.').map(Number) as [number, number, number];
  return { core, pre: dash < 0 ? [] : withoutBuild.slice(dash + 1).split('.') };
}

function comparePre(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return (a.length === 0 ? 1 : 0) - (b.length === 0 ? 1 : 0); // a release ranks above its prereleases
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn && Number(x) !== Number(y)) return Number(x) < Number(y) ? -1 : 1;
    if (xn !== yn) return xn ? -1 : 1; // numeric identifiers rank below alphanumeric ones
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Semantic-version order: negative when a < b, 0 when equal, positive when a > b. Null when either is malformed. */
export function compareVersions(a: string, b: string): number | null {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return null;
  for (let i = 0; i < 3; i += 1) {
    const d = (x.core[i] as number) - (y.core[i] as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return comparePre(x.pre, y.pre);
}

/** The parts of a roster the rule reads (the roster itself, or null before provisioning). */
export interface RosterVersionFacts {
  issuer: string;
  version: number;
  minClientVersion?: string | undefined;
  upgradeContact?: string | undefined;
}

export type ClientVersionStatus =
  | { status: 'ok' }
  | {
      status: 'belowMinimum';
      appVersion: string;
      minClientVersion: string;
      /** Who to ask for the new MSI: the roster's issuer, and the contact the office gave, if any. */
      askWho: { issuer: string; contact: string | null };
      /** The roster that set the minimum. */
      rosterVersion: number;
    };

/**
 * Is this station's app recent enough for the roster it holds? `ok` without a roster or without a minimum. An app
 * version that is not a release version (a broken build) counts as below the minimum: the notice is shown, and the
 * station keeps working.
 */
export function clientVersionStatus(appVersion: string, roster: RosterVersionFacts | null | undefined): ClientVersionStatus {
  const minimum = roster?.minClientVersion;
  if (!roster || !minimum) return { status: 'ok' };
  const order = compareVersions(appVersion, minimum);
  if (order !== null && order >= 0) return { status: 'ok' };
  return {
    status: 'belowMinimum',
    appVersion,
    minClientVersion: minimum,
    askWho: { issuer: roster.issuer, contact: roster.upgradeContact ?? null },
    rosterVersion: roster.version,
  };
}
