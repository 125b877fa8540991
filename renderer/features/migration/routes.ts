import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [{ path: '/migration', component: () => import('./MigrationView.vue') }];
