import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [{ path: '/sync', component: () => import('./SyncView.vue') }];
