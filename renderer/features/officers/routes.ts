import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [{ path: '/officers', component: () => import('./OfficersView.vue') }];
