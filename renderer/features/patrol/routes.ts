import { markRaw } from 'vue';
import { Guide } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/patrol', meta: { nav: { key: 'patrol', order: 30, icon: markRaw(Guide) } }, component: () => import('./views/PatrolView.vue') },
  { path: '/patrol/new', component: () => import('./views/NewLogView.vue') },
  { path: '/patrol/log/:id', component: () => import('./views/LogView.vue'), props: true },
  { path: '/patrol/reports', component: () => import('./views/ReportsView.vue') },
];
