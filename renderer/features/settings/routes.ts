import { markRaw } from 'vue';
import { Setting } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [{ path: '/settings', meta: { nav: { key: 'settings', order: 70, icon: markRaw(Setting) } }, component: () => import('./views/SettingsView.vue') }];
