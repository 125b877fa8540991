import { defineAsyncComponent, markRaw } from 'vue';
import { provisioningErrors } from './errors';

/** The provisioning feature as the composition root (renderer/app) wires it. */
export const provisioningFeature = {
  routes: [],
  // Its own chunk, loaded after the first screen (the sign-in screen speaks only the platform's messages).
  messages: () => import('./messages').then((m) => m.default),
  errors: provisioningErrors,
  firstRunCards: [
    { key: 'package', order: 5, component: markRaw(defineAsyncComponent(() => import('./components/ImportPackageOption.vue'))) },
    { key: 'restore', order: 30, component: markRaw(defineAsyncComponent(() => import('./components/RestoreBackupOption.vue'))) },
  ],
};

// Shown on the settings page only: its forms load with it, not with the app.
export const StationMaintenance = defineAsyncComponent(() => import('./components/StationMaintenance.vue'));
export { unlockStationKey } from './provisioning';
