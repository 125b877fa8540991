import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';

/**
 * Each feature lists its own routes in `renderer/features/<feature>/routes.ts` (found at build time).
 * Hash history: the app is served from one file on a custom scheme; there is no server to rewrite paths.
 */
function featureRoutes(): RouteRecordRaw[] {
  const modules = import.meta.glob<{ routes: RouteRecordRaw[] }>('../features/*/routes.ts', { eager: true });
  return Object.values(modules).flatMap((m) => m.routes);
}

export function appRoutes(): RouteRecordRaw[] {
  return [{ path: '/', redirect: '/records' }, ...featureRoutes(), { path: '/:pathMatch(.*)*', redirect: '/records' }];
}

export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes: appRoutes() });
}
