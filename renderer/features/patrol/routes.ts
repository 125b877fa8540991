import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [{ path: '/patrol', component: () => import('./PatrolView.vue') }];
