import { patrolErrors } from './forms';
import { routes } from './routes';
import { appliers } from './sync-appliers';

/** The patrol feature as the composition root (renderer/app) wires it. */
export const patrolFeature = {
  routes,
  // Its own chunk, loaded after the first screen (the sign-in screen speaks only the platform's messages).
  messages: () => import('./messages').then((m) => m.default),
  errors: patrolErrors,
  appliers,
};
