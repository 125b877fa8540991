import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/patrol', component: () => import('./PatrolView.vue') },
  { path: '/patrol/new', component: () => import('./NewLogView.vue') },
  { path: '/patrol/log/:id', component: () => import('./LogView.vue'), props: true },
  { path: '/patrol/reports', component: () => import('./ReportsView.vue') },
];
