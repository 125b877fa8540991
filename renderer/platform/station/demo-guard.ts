import type Dexie from 'dexie';
import type { MachinePolicies } from '@shared/policy/machine-policy';
import { fetchMachinePolicies } from '@renderer/platform/host';
import { db } from '@renderer/platform/db';
import { storedStationIdentity } from './identity';

/**
 * Demo and real never mix (issue 14 §1). A demo station is its own kind of installation (`kind: 'demo'`): it is
 * chosen only on an unprovisioned install, and a provisioned station — or any PC whose machine policy
 * `demoStationsDisabled` is set — is never offered demo officers, demo residents or the demo exchange, and refuses
 * them when asked through any path: the functions that write them call these checks themselves.
 */
export type DemoRefusal = 'provisioned' | 'policy' | 'notDemo';

export class DemoNotAllowedError extends Error {
  constructor(readonly reason: DemoRefusal) {
    super(`demo data refused: ${reason}`);
    this.name = 'DemoNotAllowedError';
  }
}

/** The machine policies, asked of the host each time (a host that fails to answer throws: demo is refused then). */
export async function readMachinePolicies(): Promise<MachinePolicies> {
  return (await fetchMachinePolicies()).policies;
}

/** Why this installation may not become (or stay) a demo station, or null when it may. Call outside any transaction. */
export async function demoInstallRefusal(database: Dexie = db()): Promise<DemoRefusal | null> {
  const [identity, policies] = await Promise.all([storedStationIdentity(database), readMachinePolicies()]);
  if (policies.demoStationsDisabled) return 'policy';
  if (identity?.kind === 'provisioned') return 'provisioned';
  return null;
}

/** Why demo data (residents) may not be written here, or null on a demo station that the policy allows. */
export async function demoDataRefusal(database: Dexie = db()): Promise<DemoRefusal | null> {
  const refusal = await demoInstallRefusal(database);
  if (refusal) return refusal;
  return (await storedStationIdentity(database))?.kind === 'demo' ? null : 'notDemo';
}

/** Throws `DemoNotAllowedError` unless this (unprovisioned) installation may become a demo station. */
export async function assertDemoInstallAllowed(database: Dexie = db()): Promise<void> {
  const refusal = await demoInstallRefusal(database);
  if (refusal) throw new DemoNotAllowedError(refusal);
}

/** Throws `DemoNotAllowedError` unless this installation is a demo station the policy allows. */
export async function assertDemoStation(database: Dexie = db()): Promise<void> {
  const refusal = await demoDataRefusal(database);
  if (refusal) throw new DemoNotAllowedError(refusal);
}
