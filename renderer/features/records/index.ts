import { recordsErrors } from './errors';
import { routes } from './routes';

/** The records feature as the composition root (renderer/app) wires it. */
export const recordsFeature = {
  routes,
  // Its own chunk, loaded after the first screen (the sign-in screen speaks only the platform's messages).
  messages: () => import('./messages').then((m) => m.default),
  errors: recordsErrors,
};

/** The records API other features call (migration: find, mark moved out, settle; the app: demo residents). */
export * as recordsService from './service';
export { seedDemoResidents } from './service';
