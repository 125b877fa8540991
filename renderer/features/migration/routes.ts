import { markRaw } from 'vue';
import { Switch } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/migration', meta: { nav: { key: 'migration', order: 20, icon: markRaw(Switch) } }, component: () => import('./views/MigrationView.vue') },
  { path: '/migration/intake/:draftId?', component: () => import('./views/IntakeView.vue') },
  { path: '/migration/case/:id', component: () => import('./views/CaseView.vue') },
];
