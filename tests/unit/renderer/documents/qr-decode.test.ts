import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodeQrPixels, type Pixels } from '@renderer/features/documents/qr-decode';

/** A white picture with `text`'s QR code drawn at `modulePx` pixels per module, `left`/`top` pixels in. */
function picture(text: string, width: number, height: number, modulePx: number, left = 40, top = 40): Pixels {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < qr.modules.size * modulePx; y += 1) {
    for (let x = 0; x < qr.modules.size * modulePx; x += 1) {
      if (!qr.modules.get(Math.floor(y / modulePx), Math.floor(x / modulePx))) continue;
      const i = ((top + y) * width + left + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = 0;
    }
  }
  return { data, width, height };
}

const TEXT = 'YRD1:6BFOXN*TS0BI$ZDFRH1MSL4RUUP%UA+9%7BVV-9S$Y/OLP';

describe('reading a QR code from a picture', () => {
  it('finds the code on a whole 300 dpi page, read at a reduced size first', () => {
    // A4 at 300 dpi with a 25 mm code: about 5 pixels per module.
    expect(decodeQrPixels(picture(TEXT, 2480, 3508, 5, 260, 2360))).toBe(TEXT);
  });

  it('falls back to full resolution when the reduced picture loses the code (tiny modules on a big picture)', () => {
    expect(decodeQrPixels(picture(TEXT, 2000, 400, 2))).toBe(TEXT);
  });

  it('says null for a picture without a code', () => {
    expect(decodeQrPixels({ data: new Uint8ClampedArray(300 * 300 * 4).fill(255), width: 300, height: 300 })).toBeNull();
  });
});
