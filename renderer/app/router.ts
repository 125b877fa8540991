import { watch } from 'vue';
import { createRouter, createWebHashHistory, START_LOCATION, type RouteRecordRaw } from 'vue-router';
import type { Pinia } from 'pinia';
import { useSessionStore } from '@renderer/platform/session';
import { features } from './features';

/** Hash history: the app is served from one file on a custom scheme; there is no server to rewrite paths. */
export function featureRoutes(): RouteRecordRaw[] {
  return features.flatMap((f) => f.routes);
}

export function appRoutes(): RouteRecordRaw[] {
  return [{ path: '/', redirect: '/records' }, ...featureRoutes(), { path: '/:pathMatch(.*)*', redirect: '/records' }];
}

/** Resolves once an officer is signed in (at once if one is). */
function untilSignedIn(pinia?: Pinia): Promise<void> {
  const session = useSessionStore(pinia);
  if (session.officer) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = watch(
      () => session.officer,
      (officer) => {
        if (!officer) return;
        stop();
        resolve();
      },
    );
  });
}

export function createAppRouter(pinia?: Pinia) {
  const router = createRouter({ history: createWebHashHistory(), routes: appRoutes() });
  // The first navigation waits for sign-in: a page's view (and its tables, selects, charts) would otherwise load
  // behind the sign-in screen and slow it down. The page asked for (a deep link) still opens once someone signs in.
  router.beforeEach((_to, from) => (from === START_LOCATION ? untilSignedIn(pinia) : undefined));
  return router;
}
