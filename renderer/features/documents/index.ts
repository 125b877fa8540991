import { defineAsyncComponent } from 'vue';
import { routes } from './routes';
import { appliers } from './sync-appliers';

/** Documents anyone can verify (issue #18): the 核验 screen, revocations through sync, the QR on printed documents. */
export const documentsFeature = {
  routes,
  // Its own chunk, loaded after the first screen (the sign-in screen speaks only the platform's messages).
  messages: () => import('./messages').then((m) => m.default),
  appliers,
};

/**
 * For the features that print: the signed QR block, and the 作废 button of a printed document. Loaded with the
 * first print view that shows them (the QR library stays out of the first screen's scripts).
 */
export const DocumentQr = defineAsyncComponent(() => import('./components/DocumentQr.vue'));
export const RevokeDocumentButton = defineAsyncComponent(() => import('./components/RevokeDocumentButton.vue'));
export { whenQrDrawn } from './qr-drawn';
