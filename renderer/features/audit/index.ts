import messages from './messages';
import { routes } from './routes';

/** The audit feature as the composition root (renderer/app) wires it. */
export const auditFeature = {
  routes,
  messages,
};
