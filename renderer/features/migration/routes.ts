import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/migration', component: () => import('./MigrationView.vue') },
  { path: '/migration/intake/:draftId?', component: () => import('./IntakeView.vue') },
  { path: '/migration/case/:id', component: () => import('./CaseView.vue') },
];
