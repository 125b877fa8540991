import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [{ path: '/audit', component: () => import('./AuditView.vue') }];
