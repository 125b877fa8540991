import QRCode from 'qrcode';
import { QR_SPEC, qrPrintSizeMm } from '@shared/documents';

/** A QR symbol drawn as one SVG path (no inline HTML, so the renderer's CSP holds), and its printed width. */
export interface QrSymbol {
  version: number;
  /** Modules per side, quiet zone included: the SVG's view box. */
  size: number;
  path: string;
  widthMm: number;
}

/** The symbol of a document's QR text, at the error level docs/verify.md fixes (M, alphanumeric). */
export function qrSymbol(text: string): QrSymbol {
  const qr = QRCode.create(text, { errorCorrectionLevel: QR_SPEC.errorCorrectionLevel });
  const n = qr.modules.size;
  const q = QR_SPEC.quietZoneModules;
  const cells: string[] = [];
  for (let y = 0; y < n; y += 1) {
    for (let x = 0; x < n; x += 1) if (qr.modules.get(y, x)) cells.push(`M${x + q} ${y + q}h1v1h-1z`);
  }
  const size = n + 2 * q;
  // The printed width covers the symbol; the quiet zone is added around it in the same proportion.
  const widthMm = (qrPrintSizeMm(qr.version) * size) / n;
  return { version: qr.version, size, path: cells.join(''), widthMm };
}
