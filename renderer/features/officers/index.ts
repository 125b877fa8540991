import { officersErrors } from './errors';
import { routes } from './routes';

/** The officers feature as the composition root (renderer/app) wires it. */
export const officersFeature = {
  routes,
  // Its own chunk, loaded after the first screen (the sign-in screen speaks only the platform's messages).
  messages: () => import('./messages').then((m) => m.default),
  errors: officersErrors,
};

/** For the first-run gate: how many accounts exist, live. */
export { useOfficerCount } from './queries';
