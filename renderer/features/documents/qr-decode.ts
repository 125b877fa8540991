import jsQR from 'jsqr';

/** Pixels as a canvas gives them: RGBA, 4 bytes per pixel. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** A code printed at 25 mm keeps ≥ 2.5 pixels per module at this size even from a full A4 page: enough for jsQR. */
const FIRST_PASS_LONG_SIDE = 1_800;

/** Averages each `factor`×`factor` block (grey): a 300 dpi page read at 150 dpi has a quarter of the pixels. */
function shrink(image: Pixels, factor: number): Pixels {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8ClampedArray(width * height * 4);
  const area = factor * factor * 3;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy += 1) {
        let i = ((y * factor + dy) * image.width + x * factor) * 4;
        for (let dx = 0; dx < factor; dx += 1, i += 4) sum += (image.data[i] ?? 0) + (image.data[i + 1] ?? 0) + (image.data[i + 2] ?? 0);
      }
      const o = (y * width + x) * 4;
      data[o] = data[o + 1] = data[o + 2] = sum / area;
      data[o + 3] = 255;
    }
  }
  return { data, width, height };
}

const scan = (image: Pixels): string | null => jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data ?? null;

/**
 * The QR text in a picture, or null. A whole scanned page is first read at a reduced size (most of a page is text,
 * and jsQR's time grows with the pixels); only when that finds nothing is it read again at full resolution (a small
 * code photographed from afar).
 */
export function decodeQrPixels(image: Pixels): string | null {
  const factor = Math.floor(Math.max(image.width, image.height) / FIRST_PASS_LONG_SIDE) + 1;
  if (factor > 1) {
    const found = scan(shrink(image, factor));
    if (found !== null) return found;
  }
  return scan(image);
}
