/**
 * Photos and files carried by requests between stations (issue 15 item 4): the caps the sending PC enforces and
 * every receiver checks again. Sizes are of the stored file, i.e. after an image has been shrunk.
 */
export const ATTACHMENT_LIMITS = {
  /** One stored file (an image after shrinking). */
  maxFileBytes: 5 * 1024 * 1024,
  /** Files on one request (or one feedback entry). */
  maxFilesPerRequest: 9,
  /** All stored files of one request together. */
  maxTotalBytes: 20 * 1024 * 1024,
} as const;

/** A picture is shrunk on the sending PC until its long side is at most this many pixels, then stored as JPEG. */
export const IMAGE_MAX_SIDE = 1920;
export const IMAGE_JPEG_QUALITY = 0.85;

/** The thumbnail travels inline in the ref: a JPEG data URL of at most this many characters (24 KiB). */
export const THUMBNAIL_MAX_CHARS = 24 * 1024;
export const THUMBNAIL_MAX_SIDE = 240;

/**
 * A chosen file larger than this is refused before it is read (an image that large is not a photo an officer
 * means to send, and decoding it would stall the PC).
 */
export const SOURCE_MAX_BYTES = 40 * 1024 * 1024;

/** The pictures a PC can decode and shrink; anything else is stored as it is. */
export const SHRINKABLE_IMAGE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/bmp'];

export const isShrinkableImage = (mime: string): boolean => SHRINKABLE_IMAGE_TYPES.includes(mime.toLowerCase());

/** The size an image is drawn at so that its long side is at most `maxSide` (never enlarged; at least 1×1). */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  if (!(width > 0 && height > 0)) throw new RangeError('an image has a positive width and height');
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Why a file cannot join a request: codes the renderer translates, with the limit in bytes or files. */
export type AttachmentRefusal =
  | { code: 'tooManyFiles'; limit: number }
  | { code: 'fileTooLarge'; limit: number }
  | { code: 'totalTooLarge'; limit: number }
  | { code: 'sourceTooLarge'; limit: number }
  | { code: 'emptyFile'; limit: number };

/** Whether a stored file of `size` bytes may join files already chosen (their stored sizes); null when it may. */
export function refuseAddition(chosen: readonly { size: number }[], size: number, limits = ATTACHMENT_LIMITS): AttachmentRefusal | null {
  if (size <= 0) return { code: 'emptyFile', limit: 0 };
  if (chosen.length >= limits.maxFilesPerRequest) return { code: 'tooManyFiles', limit: limits.maxFilesPerRequest };
  if (size > limits.maxFileBytes) return { code: 'fileTooLarge', limit: limits.maxFileBytes };
  const total = chosen.reduce((sum, f) => sum + f.size, 0) + size;
  if (total > limits.maxTotalBytes) return { code: 'totalTooLarge', limit: limits.maxTotalBytes };
  return null;
}

/** Whether a set of refs respects the caps (a receiver checks what a payload carries). */
export function withinLimits(files: readonly { size: number }[], limits = ATTACHMENT_LIMITS): boolean {
  return (
    files.length <= limits.maxFilesPerRequest &&
    files.every((f) => f.size > 0 && f.size <= limits.maxFileBytes) &&
    files.reduce((sum, f) => sum + f.size, 0) <= limits.maxTotalBytes
  );
}
