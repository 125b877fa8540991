import type { RouteRecordRaw } from 'vue-router';
import type { NavEntry } from '@renderer/platform/ui';

export interface NavItem extends NavEntry {
  path: string;
}

/** The main navigation, built from the routes' `meta.nav`, in their declared order. */
export function navigationFrom(routes: readonly RouteRecordRaw[]): NavItem[] {
  return routes
    .flatMap((route) => (route.meta?.nav ? [{ ...route.meta.nav, path: route.path }] : []))
    .sort((a, b) => a.order - b.order);
}
