import { decodeQrPixels } from './qr-decode';

/** The QR text in a picture (a photo or scan of the paper, a screenshot); null when none is found. */
export async function decodeQrImage(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return null;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height);
    return decodeQrPixels({ data: pixels.data, width: pixels.width, height: pixels.height });
  } finally {
    bitmap.close();
  }
}
