import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [{ path: '/settings', component: () => import('./SettingsView.vue') }];
