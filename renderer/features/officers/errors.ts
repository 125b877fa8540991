import type { ErrorTranslator } from '@renderer/platform/ui';
import { DuplicateOfficerError, LastAdminError } from './store';

/** The officers' rules as words (registered by the composition root); a duplicate belongs beside the police number. */
export const officersErrors: ErrorTranslator = (error) => {
  if (error instanceof DuplicateOfficerError) return { key: 'officers.form.duplicate', field: 'policeNumber' };
  if (error instanceof LastAdminError) return { key: 'officers.lastAdmin' };
  return undefined;
};
