import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/records', component: () => import('./RecordsView.vue') },
  { path: '/records/households/:id', component: () => import('./HouseholdView.vue'), props: true },
  { path: '/records/persons/:id', component: () => import('./PersonView.vue'), props: true },
  { path: '/records/certificates/:id', component: () => import('./CertificatePrintView.vue'), props: true },
];
