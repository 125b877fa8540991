import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import { features } from './features';

/** Hash history: the app is served from one file on a custom scheme; there is no server to rewrite paths. */
export function featureRoutes(): RouteRecordRaw[] {
  return features.flatMap((f) => f.routes);
}

export function appRoutes(): RouteRecordRaw[] {
  return [{ path: '/', redirect: '/records' }, ...featureRoutes(), { path: '/:pathMatch(.*)*', redirect: '/records' }];
}

export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes: appRoutes() });
}
