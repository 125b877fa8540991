import { defineAsyncComponent } from 'vue';
import { appliers } from './sync-appliers';

/**
 * 附件 (issue 15 item 4): photos and files carried by requests between stations. No screen of its own: other
 * features host its components. Refs (`AttachmentRef`, `attachmentRef`, `ATTACHMENT_LIMITS`) are in
 * `@shared/attachments`.
 */
export const attachmentsFeature = {
  routes: [],
  messages: () => import('./messages').then((m) => m.default),
  appliers,
};

/** The sync appliers of attachment.requested and attachment.chunk (also given to the app by attachmentsFeature). */
export const attachmentAppliers = appliers;

/** Choose/drop files: `v-model: AttachmentRef[]`, prop `disabled`. */
export const AttachmentPicker = defineAsyncComponent(() => import('./components/AttachmentPicker.vue'));
/** Thumbnails at once, the full file fetched on demand: prop `items: AttachmentRef[]`. */
export const AttachmentList = defineAsyncComponent(() => import('./components/AttachmentList.vue'));

export { requestAttachment, storeAttachment, storedFile } from './commands';
export type { FetchOutcome, PreparedFile } from './commands';
export { prepareFile } from './prepare';
