import { markRaw } from 'vue';
import { Bell } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/assist', meta: { nav: { key: 'assist', order: 35, icon: markRaw(Bell), requires: 'assist.view' } }, component: () => import('./views/AssistView.vue') },
  { path: '/assist/new', component: () => import('./views/RaiseView.vue') },
  { path: '/assist/request/:id', component: () => import('./views/RequestView.vue') },
];
