import { markRaw } from 'vue';
import { Connection } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [{ path: '/sync', meta: { nav: { key: 'sync', order: 40, icon: markRaw(Connection) } }, component: () => import('./views/SyncView.vue') }];
