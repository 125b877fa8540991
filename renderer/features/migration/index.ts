import { migrationErrors } from './errors';
import messages from './messages';
import { routes } from './routes';
import { appliers } from './sync-appliers';

/** The migration feature as the composition root (renderer/app) wires it. */
export const migrationFeature = {
  routes,
  messages,
  errors: migrationErrors,
  appliers,
};
