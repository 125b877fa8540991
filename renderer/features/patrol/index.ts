import { patrolErrors } from './forms';
import messages from './messages';
import { routes } from './routes';
import { appliers } from './sync-appliers';

/** The patrol feature as the composition root (renderer/app) wires it. */
export const patrolFeature = {
  routes,
  messages,
  errors: patrolErrors,
  appliers,
};
