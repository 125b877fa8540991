import { defineStore } from 'pinia';
import type { AttachmentRef } from '@shared/attachments';
import { officerKey } from '@shared/domain/officer';
import { callHost } from '@renderer/platform/host';
import { useSessionStore } from '@renderer/platform/session';
import { requestAttachment, storeAttachment, storedFile, type FetchOutcome, type PreparedFile } from './commands';

/** Attaching and fetching need a signed-in officer (any officer may: issue 15 item 8). */
export class NotSignedInError extends Error {
  constructor() {
    super('no officer is signed in');
    this.name = 'NotSignedInError';
  }
}

/** The attachments writes as the signed-in officer. */
export const useAttachmentsStore = defineStore('attachments', () => {
  const session = useSessionStore();

  function officer(): string {
    if (!session.officer) throw new NotSignedInError();
    return officerKey(session.officer.ref);
  }

  const store = (file: PreparedFile): Promise<AttachmentRef> => storeAttachment(file, officer());
  const fetch = (ref: AttachmentRef): Promise<FetchOutcome> => requestAttachment(ref, officer());

  /** Saves the stored file where the officer chooses (the host's save dialog); false when cancelled or absent. */
  async function saveAs(id: string): Promise<boolean> {
    const file = await storedFile(id);
    if (!file) return false;
    const outcome = await callHost('file.saveAs', { suggestedName: file.name.replace(/[\\/:*?"<>|]/g, '_'), filters: [], content: file.bytes });
    return outcome.outcome !== 'cancelled';
  }

  return { store, fetch, saveAs, storedFile };
});
