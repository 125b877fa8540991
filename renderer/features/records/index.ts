import { recordsErrors } from './errors';
import messages from './messages';
import { routes } from './routes';

/** The records feature as the composition root (renderer/app) wires it. */
export const recordsFeature = {
  routes,
  messages,
  errors: recordsErrors,
};

/** The records API other features call (migration: find, mark moved out, settle; the app: demo residents). */
export * as recordsService from './service';
export { seedDemoResidents } from './service';
