import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';

/** Hash history: the app is served from one file on a custom scheme, there is no server to rewrite paths. */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/records' },
  { path: '/records', component: () => import('@renderer/features/records/RecordsView.vue') },
  { path: '/migration', component: () => import('@renderer/features/migration/MigrationView.vue') },
  { path: '/patrol', component: () => import('@renderer/features/patrol/PatrolView.vue') },
  { path: '/sync', component: () => import('@renderer/features/sync/SyncView.vue') },
  { path: '/settings', component: () => import('@renderer/features/settings/SettingsView.vue') },
  { path: '/:pathMatch(.*)*', redirect: '/records' },
];

export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes });
}
