import { defineAsyncComponent, markRaw } from 'vue';
import { provisioningErrors } from './errors';
import messages from './messages';

/** The provisioning feature as the composition root (renderer/app) wires it. */
export const provisioningFeature = {
  routes: [],
  messages,
  errors: provisioningErrors,
  firstRunCards: [
    { key: 'package', order: 5, component: markRaw(defineAsyncComponent(() => import('./components/ImportPackageOption.vue'))) },
    { key: 'restore', order: 30, component: markRaw(defineAsyncComponent(() => import('./components/RestoreBackupOption.vue'))) },
  ],
};

// Shown on the settings page only: its forms load with it, not with the app.
export const StationMaintenance = defineAsyncComponent(() => import('./components/StationMaintenance.vue'));
export { unlockStationKey } from './provisioning';
