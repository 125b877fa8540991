import { askAmendmentReason } from './feedback';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * Runs a change, asking for the amendment reason first when the log is closed. Returns false when the user
 * cancelled the reason (nothing was saved, the form keeps its content).
 */
export async function withAmendment(closed: boolean, t: Translate, change: (reason: string | null) => Promise<unknown>): Promise<boolean> {
  let reason: string | null = null;
  if (closed) {
    reason = await askAmendmentReason(t);
    if (reason === null) return false;
  }
  await change(reason);
  return true;
}
