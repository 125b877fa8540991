import { defineAsyncComponent, markRaw } from 'vue';
import { syncErrors } from './errors';
import { routes } from './routes';
import { appliers } from './sync-appliers';

/** The sync feature as the composition root (renderer/app) wires it. */
export const syncFeature = {
  routes,
  // Its own chunk, loaded after the first screen (the sign-in screen speaks only the platform's messages).
  messages: () => import('./messages').then((m) => m.default),
  errors: syncErrors,
  appliers,
  firstRunCards: [
    { key: 'demoNetwork', order: 5, demo: true, component: markRaw(defineAsyncComponent(() => import('./components/DemoStationPicker.vue'))) },
  ],
};
