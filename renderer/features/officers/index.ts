import { officersErrors } from './errors';
import messages from './messages';
import { routes } from './routes';

/** The officers feature as the composition root (renderer/app) wires it. */
export const officersFeature = {
  routes,
  messages,
  errors: officersErrors,
};

/** For the first-run gate: how many accounts exist, live. */
export { useOfficerCount } from './queries';
