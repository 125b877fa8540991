import type { Addressing } from './model';

/** What addressing needs of the roster: each station's code, province and groups. */
export interface RosterEntry {
  code: string;
  province: string;
  groups: readonly string[];
}

/**
 * The stations a request reaches: only neighbours of `self` (stations sharing a roster group with it), since
 * the exchange carries events between neighbours only. Sorted, never `self`.
 */
export function resolveAddressees(how: Addressing, stations: readonly RosterEntry[], self: string): string[] {
  const me = stations.find((s) => s.code === self);
  if (!me) return [];
  const myGroups = new Set(me.groups);
  const neighbours = stations.filter((s) => s.code !== self && s.groups.some((g) => myGroups.has(g)));
  const picked = (() => {
    switch (how.kind) {
      case 'stations':
        return neighbours.filter((s) => how.stations.includes(s.code));
      case 'group':
        return neighbours.filter((s) => s.groups.includes(how.group));
      case 'province':
        return neighbours.filter((s) => s.province === how.province);
      case 'allNeighbours':
        return neighbours;
    }
  })();
  return picked.map((s) => s.code).sort();
}

/** Stations a responder may forward to: the requester's neighbours not yet addressed (they must hear its close). */
export function forwardCandidates(stations: readonly RosterEntry[], requester: string, addressed: readonly string[]): string[] {
  return resolveAddressees({ kind: 'allNeighbours' }, stations, requester).filter((c) => !addressed.includes(c));
}
