import type Dexie from 'dexie';
import type { Roster } from '@shared/sync/roster';
import { currentStationIdentity } from '@renderer/platform/station';
import { loadTrust } from './trust';

/**
 * What checking a batch needs from storage: this station's code and the roster it trusts. Read for every batch,
 * it would wait for the batch before to commit (that transaction holds the meta table), so checking the next
 * batch could not overlap applying this one. So checks use the view as of the last batch applied; the inbox
 * reads it again inside each batch's transaction and checks the batch again when it differs (a roster taken
 * meanwhile, a re-provisioned station), before applying it or quarantining it.
 */
export interface CheckView {
  self: string;
  roster: Roster | null;
  /** The root's signature of that roster: a roster of another root with the same version differs. */
  rosterSignature: string | null;
}

const views = new WeakMap<Dexie, CheckView>();

/** The view as stored now (inside the caller's transaction when there is one). */
export async function readCheckView(database: Dexie): Promise<CheckView> {
  const [identity, trust] = await Promise.all([currentStationIdentity(database), loadTrust(database)]);
  return { self: identity.code, roster: trust.roster?.roster ?? null, rosterSignature: trust.roster?.signature ?? null };
}

export const sameCheckView = (a: CheckView, b: CheckView): boolean => a.self === b.self && a.rosterSignature === b.rosterSignature;

/** Kept only with a roster: without one nothing can be checked, and the next check reads again. */
function rememberCheckView(database: Dexie, view: CheckView): void {
  if (view.roster) views.set(database, view);
  else views.delete(database);
}

/** The view last read (later checks use it until a batch's transaction finds it changed), or the stored one. */
export async function checkView(database: Dexie): Promise<CheckView> {
  const known = views.get(database);
  if (known) return known;
  const view = await readCheckView(database);
  rememberCheckView(database, view);
  return view;
}

export function forgetCheckView(database: Dexie): void {
  views.delete(database);
}
