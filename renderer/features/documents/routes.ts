import { markRaw } from 'vue';
import { Stamp } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/documents', meta: { nav: { key: 'documents', order: 25, icon: markRaw(Stamp), requires: 'document.verify' } }, component: () => import('./views/VerifyView.vue') },
];
