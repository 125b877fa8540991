import { markRaw } from 'vue';
import { Tickets } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [{ path: '/audit', meta: { nav: { key: 'audit', order: 60, icon: markRaw(Tickets), requires: 'audit.view' } }, component: () => import('./views/AuditView.vue') }];
