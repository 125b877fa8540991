import { defineStore } from 'pinia';
import { officerKey } from '@shared/domain/officer';
import { useSessionStore } from '@renderer/platform/session';
import { revokeDocument, verifyScanned, type Checked, type RevokeRequest } from './service';

/** 核验 and 作废 as the signed-in officer: the permission is checked (and a refusal audited) where it happens. */
export const useDocumentsStore = defineStore('documents', () => {
  const session = useSessionStore();

  async function verify(text: string): Promise<Checked> {
    const officer = await session.assertCan('document.verify', 'documents');
    return verifyScanned(text, officerKey(officer.ref));
  }

  async function revoke(request: RevokeRequest): Promise<void> {
    const officer = await session.assertCan('document.revoke', `${request.type}:${request.number}`);
    await revokeDocument(request, officerKey(officer.ref));
  }

  return { verify, revoke, allows: session.allows };
});
