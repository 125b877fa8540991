import { markRaw } from 'vue';
import { User } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [{ path: '/officers', meta: { nav: { key: 'officers', order: 50, icon: markRaw(User), requires: 'officer.manage' } }, component: () => import('./views/OfficersView.vue') }];
