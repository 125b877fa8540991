import messages from './messages';
import { routes } from './routes';

/** The officers feature as the composition root (renderer/app) wires it. */
export const officersFeature = {
  routes,
  messages,
};
