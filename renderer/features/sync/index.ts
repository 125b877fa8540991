import { defineAsyncComponent, markRaw } from 'vue';
import { syncErrors } from './errors';
import messages from './messages';
import { routes } from './routes';
import { appliers } from './sync-appliers';

/** The sync feature as the composition root (renderer/app) wires it. */
export const syncFeature = {
  routes,
  messages,
  errors: syncErrors,
  appliers,
  firstRunCards: [
    { key: 'demoNetwork', order: 5, demo: true, component: markRaw(defineAsyncComponent(() => import('./components/DemoStationPicker.vue'))) },
  ],
};
