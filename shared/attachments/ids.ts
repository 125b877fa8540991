import { z } from 'zod';

/**
 * A file id: a ULID (as shared/sync/event.ts's `ulidString`, written out here because the event registry loads
 * this folder's events while shared/sync/event.ts itself is still loading).
 */
export const fileId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'ULID');
