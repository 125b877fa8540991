import { markRaw } from 'vue';
import { Document } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/records', meta: { nav: { key: 'records', order: 10, icon: markRaw(Document) } }, component: () => import('./views/RecordsView.vue') },
  { path: '/records/import', component: () => import('./views/ImportView.vue') },
  { path: '/records/households/:id', component: () => import('./views/HouseholdView.vue'), props: true },
  { path: '/records/persons/:id', component: () => import('./views/PersonView.vue'), props: true },
  { path: '/records/certificates/:id', component: () => import('./views/CertificatePrintView.vue'), props: true },
];
