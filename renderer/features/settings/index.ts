import { routes } from './routes';

/** The settings feature as the composition root (renderer/app) wires it. */
export const settingsFeature = {
  routes,
};
