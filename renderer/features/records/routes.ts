import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [{ path: '/records', component: () => import('./RecordsView.vue') }];
