import {
  IMAGE_JPEG_QUALITY,
  IMAGE_MAX_SIDE,
  SOURCE_MAX_BYTES,
  THUMBNAIL_MAX_CHARS,
  THUMBNAIL_MAX_SIDE,
  fitWithin,
  isShrinkableImage,
} from '@shared/attachments';
import { toBase64 } from '@shared/bytes';
import type { PreparedFile } from './commands';

/** The chosen file is larger than SOURCE_MAX_BYTES: refused before it is read. */
export class SourceTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the file is larger than ${limit} bytes`);
    this.name = 'SourceTooLargeError';
  }
}

/** The picture could not be decoded on this PC (damaged, or a format the browser cannot read). */
export class ImageUnreadableError extends Error {
  constructor() {
    super('the picture cannot be read');
    this.name = 'ImageUnreadableError';
  }
}

interface Surface {
  draw(bitmap: ImageBitmap): void;
  jpeg(quality: number): Promise<Blob>;
}

/** An OffscreenCanvas where there is one, else a detached <canvas>. White behind transparent pixels (JPEG has no alpha). */
function surface(width: number, height: number): Surface {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new ImageUnreadableError();
    return {
      draw: (bitmap) => {
        context.fillStyle = '#fff';
        context.fillRect(0, 0, width, height);
        context.drawImage(bitmap, 0, 0, width, height);
      },
      jpeg: (quality) => canvas.convertToBlob({ type: 'image/jpeg', quality }),
    };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new ImageUnreadableError();
  return {
    draw: (bitmap) => {
      context.fillStyle = '#fff';
      context.fillRect(0, 0, width, height);
      context.drawImage(bitmap, 0, 0, width, height);
    },
    jpeg: (quality) =>
      new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new ImageUnreadableError())), 'image/jpeg', quality)),
  };
}

async function encodeJpeg(bitmap: ImageBitmap, maxSide: number, quality: number): Promise<Uint8Array> {
  const size = fitWithin(bitmap.width, bitmap.height, maxSide);
  const target = surface(size.width, size.height);
  target.draw(bitmap);
  return new Uint8Array(await (await target.jpeg(quality)).arrayBuffer());
}

/** The thumbnail data URL: smaller and coarser until it fits THUMBNAIL_MAX_CHARS. */
async function thumbnailOf(bitmap: ImageBitmap): Promise<string> {
  for (const [side, quality] of [[THUMBNAIL_MAX_SIDE, 0.7], [180, 0.6], [120, 0.5], [80, 0.4]] as const) {
    const url = `data:image/jpeg;base64,${toBase64(await encodeJpeg(bitmap, side, quality))}`;
    if (url.length <= THUMBNAIL_MAX_CHARS) return url;
  }
  return '';
}

/** A type as the ref's schema takes it (no parameters); anything else travels as octet-stream. */
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

const jpegName = (name: string): string => `${name.replace(/\.[^./\\]{1,8}$/, '') || 'image'}.jpg`;

/**
 * Prepares a chosen file on this PC: a picture is decoded, shrunk to a long side of at most 1920 px, stored as
 * JPEG (quality 0.85) and thumbnailed; any other file is kept as it is, without a thumbnail.
 */
export async function prepareFile(file: File): Promise<PreparedFile> {
  if (file.size > SOURCE_MAX_BYTES) throw new SourceTooLargeError(SOURCE_MAX_BYTES);
  const name = file.name.trim().slice(-120) || 'file';
  if (!isShrinkableImage(file.type)) {
    const mime = MIME.test(file.type.toLowerCase()) ? file.type.toLowerCase() : 'application/octet-stream';
    return { name, mime, bytes: new Uint8Array(await file.arrayBuffer()), thumbnail: '' };
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new ImageUnreadableError();
  }
  try {
    const bytes = await encodeJpeg(bitmap, IMAGE_MAX_SIDE, IMAGE_JPEG_QUALITY);
    return { name: jpegName(name).slice(-120), mime: 'image/jpeg', bytes, thumbnail: await thumbnailOf(bitmap) };
  } finally {
    bitmap.close();
  }
}
