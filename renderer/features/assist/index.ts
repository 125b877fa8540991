import { defineAsyncComponent } from 'vue';
import { assistErrors } from './errors';
import { routes } from './routes';
import { appliers } from './sync-appliers';

/** The 协查 feature as the composition root (renderer/app) wires it. */
export const assistFeature = {
  routes,
  // Its own chunk, loaded after the first screen (the sign-in screen speaks only the platform's messages).
  messages: () => import('./messages').then((m) => m.default),
  errors: assistErrors,
  appliers,
};

/** The 特急 banner on every screen of the frame, until someone signs for the request (with a beep). */
export const UrgentBanner = defineAsyncComponent(() => import('./components/UrgentBanner.vue'));
/**
 * 布控 alert for other features' screens (the checkpoint, person checks, records search): give it what was typed;
 * on a match it shows what the request says, what to do and whom to call, records the hit and reports it.
 */
export const WatchAlert = defineAsyncComponent(() => import('./components/WatchAlert.vue'));
export { useWatchCheck } from './watch';
export type { WatchCheck } from './watch';
