import messages from './messages';
import { routes } from './routes';
import { appliers } from './sync-appliers';

/** The audit feature as the composition root (renderer/app) wires it. */
export const auditFeature = {
  routes,
  messages,
  appliers,
};

export { startAuditCheckpoints } from './checkpoint-schedule';
