import { IMAGE_MAX_SIDE, THUMBNAIL_MAX_CHARS } from '@shared/attachments';
import { prepareFile } from '@renderer/features/attachments/prepare';
import { percentile, sample, type BenchCase } from '../../lib';

/** A 12-megapixel camera photo stand-in (4000 × 3000 PNG of noise over a gradient: it compresses like a photo). */
async function cameraPhoto(): Promise<File> {
  const canvas = new OffscreenCanvas(4000, 3000);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  const gradient = context.createLinearGradient(0, 0, 4000, 3000);
  gradient.addColorStop(0, '#345');
  gradient.addColorStop(1, '#dcb');
  context.fillStyle = gradient;
  context.fillRect(0, 0, 4000, 3000);
  const noise = context.getImageData(0, 0, 4000, 3000);
  let x = 7;
  for (let i = 0; i < noise.data.length; i += 4) {
    x = (x * 1103515245 + 12345) >>> 0;
    const d = (x >>> 27) - 16;
    noise.data[i] = Math.max(0, Math.min(255, (noise.data[i] ?? 0) + d));
    noise.data[i + 1] = Math.max(0, Math.min(255, (noise.data[i + 1] ?? 0) + d));
  }
  context.putImageData(noise, 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new File([blob], 'IMG_0001.png', { type: 'image/png' });
}

/**
 * Preparing a photo on the sending PC (issue 15 item 4): decode a 12 MP picture, shrink it to a long side of 1920 px
 * as JPEG 0.85 and make its thumbnail, in Chromium. Also prints the stored size (what travels on demand).
 */
export const cases: BenchCase[] = [
  {
    name: 'attachments.prepare',
    async run() {
      const photo = await cameraPhoto();
      let stored = 0;
      const ms = await sample(5, async () => {
        const prepared = await prepareFile(photo);
        const bitmap = await createImageBitmap(new Blob([new Uint8Array(prepared.bytes)], { type: prepared.mime }));
        if (Math.max(bitmap.width, bitmap.height) !== IMAGE_MAX_SIDE) throw new Error(`shrunk to ${bitmap.width}×${bitmap.height}`);
        bitmap.close();
        if (prepared.thumbnail.length === 0 || prepared.thumbnail.length > THUMBNAIL_MAX_CHARS) throw new Error(`thumbnail of ${prepared.thumbnail.length} characters`);
        stored = prepared.bytes.length;
      });
      return [
        { name: 'attachments.prepare_12mp_p50_ms', value: percentile(ms, 50), unit: 'ms' },
        { name: 'attachments.prepared_photo_kib', value: stored / 1024, unit: 'KiB' },
      ];
    },
  },
];
