import { z } from 'zod';
import { stationCode } from '../domain/station';
import { fileId } from './ids';
import { hashHex } from '../sync/keys';
import { ATTACHMENT_LIMITS, THUMBNAIL_MAX_CHARS, withinLimits } from './limits';

// eslint-disable-next-line no-control-regex -- control characters are what the rule refuses
const noControl = /^[^\u0000-\u001f\u007f]+$/;

/** A thumbnail as it travels: a JPEG data URL (≤ 24 KiB), or '' for a file that is not a picture. */
export const attachmentThumbnail = z.union([
  z.literal(''),
  z
    .string()
    .max(THUMBNAIL_MAX_CHARS)
    .regex(/^data:image\/jpeg;base64,[A-Za-z0-9+/]+={0,2}$/, 'a JPEG data URL'),
]);

/**
 * A photo or file as a payload carries it (附件): what it is, a thumbnail shown at once, and the station that holds
 * the full stored file, which a recipient fetches on demand (attachment.requested → attachment.chunk events).
 * `size` and `sha256` are of the stored file (after shrinking): the recipient checks every chunk against them.
 */
export const attachmentRef = z.object({
  id: fileId,
  name: z.string().trim().min(1).max(120).regex(noControl, 'no control characters'),
  mime: z
    .string()
    .max(100)
    .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/, 'a MIME type'),
  size: z.number().int().positive().max(ATTACHMENT_LIMITS.maxFileBytes),
  sha256: hashHex,
  thumbnail: attachmentThumbnail,
  ownerStation: stationCode,
});
export type AttachmentRef = z.infer<typeof attachmentRef>;

/** The attachments of one request (or feedback entry): within ATTACHMENT_LIMITS, each id once. */
export const attachmentRefs = z
  .array(attachmentRef)
  .max(ATTACHMENT_LIMITS.maxFilesPerRequest)
  .refine((refs) => withinLimits(refs), { message: 'attachmentsTooLarge' })
  .refine((refs) => new Set(refs.map((r) => r.id)).size === refs.length, { message: 'duplicateAttachment' });
