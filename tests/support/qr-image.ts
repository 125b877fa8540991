import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { QR_SPEC } from '@shared/documents';

/** An RGBA picture as canvas ImageData holds it (what jsQR and a file picker's decoded image give). */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** The QR symbol a document prints: alphanumeric mode, level M, smallest version that fits. */
export function documentQr(text: string, version?: number): QRCode.QRCode {
  return QRCode.create([{ data: text, mode: 'alphanumeric' }], { errorCorrectionLevel: QR_SPEC.errorCorrectionLevel, ...(version ? { version } : {}) });
}

function blank(width: number, height: number): RgbaImage {
  return { data: new Uint8ClampedArray(width * height * 4).fill(255), width, height };
}

function setGray(image: RgbaImage, x: number, y: number, value: number): void {
  const i = (y * image.width + x) * 4;
  image.data[i] = value;
  image.data[i + 1] = value;
  image.data[i + 2] = value;
}

/**
 * Draws the symbol `sizePx` wide with its top-left corner at (left, top), sampling the module matrix (nearest
 * neighbour, so modules come out 5 or 6 pixels wide at 2.5 cm and 300 dpi, as a printer's dots would).
 */
function drawQr(image: RgbaImage, qr: QRCode.QRCode, left: number, top: number, sizePx: number): void {
  const n = qr.modules.size;
  for (let y = 0; y < sizePx; y += 1) {
    const row = Math.floor((y * n) / sizePx);
    for (let x = 0; x < sizePx; x += 1) {
      const col = Math.floor((x * n) / sizePx);
      if (qr.modules.data[row * n + col]) setGray(image, left + x, top + y, 24);
    }
  }
}

/** Just the symbol with its quiet zone, `scale` pixels per module. */
export function renderQr(text: string, scale = 4): RgbaImage {
  const qr = documentQr(text);
  const quiet = QR_SPEC.quietZoneModules;
  const side = (qr.modules.size + 2 * quiet) * scale;
  const image = blank(side, side);
  drawQr(image, qr, quiet * scale, quiet * scale, qr.modules.size * scale);
  return image;
}

/** A small deterministic PRNG (mulberry32), so the page looks the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface PageOptions {
  dpi?: number;
  /** Printed width of the symbol. */
  sizeMm?: number;
  /** Lines of "text" (dark glyph-sized blocks) above the code, as on a printed certificate. */
  textLines?: number;
}

/**
 * An A4 page (210 × 297 mm) as a 300 dpi scan or `pdftoppm -r 300` gives it: 2480 × 3508 pixels, lines of text-like
 * marks across the body, and the QR code 2.5 cm wide at the lower right, beside where the seal goes.
 */
export function renderQrOnPage(text: string, options: PageOptions = {}): RgbaImage {
  const dpi = options.dpi ?? 300;
  const px = (mm: number) => Math.round((mm / 25.4) * dpi);
  const page = blank(px(210), px(297));
  const random = prng(18);
  const glyph = px(4);
  for (let line = 0; line < (options.textLines ?? 26); line += 1) {
    const top = px(40) + line * px(7);
    for (let left = px(25); left < px(185); left += glyph + px(0.8)) {
      if (random() < 0.15) continue;
      for (let i = 0; i < 14; i += 1) {
        const [x, y] = [left + Math.floor(random() * glyph), top + Math.floor(random() * glyph)];
        const [w, h] = random() < 0.5 ? [Math.floor(random() * glyph), px(0.35)] : [px(0.35), Math.floor(random() * glyph)];
        for (let dy = 0; dy < h; dy += 1) for (let dx = 0; dx < w; dx += 1) setGray(page, Math.min(page.width - 1, x + dx), Math.min(page.height - 1, y + dy), 30);
      }
    }
  }
  const size = px(options.sizeMm ?? QR_SPEC.printSizeMm);
  drawQr(page, documentQr(text), page.width - px(25) - size, page.height - px(35) - size, size);
  return page;
}

/** Decodes the one QR code in a picture with jsQR; null when none is found. */
export function decodeQrImage(image: RgbaImage): string | null {
  return jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
