/**
 * How a document's QR code is printed (docs/verify.md §5). The text is all QR-alphanumeric, so the code uses
 * alphanumeric mode (5.5 bits per character); error correction M (15 %) survives a fold, a smudge or a stamp's edge.
 * The largest realistic document (a 户口迁移证 for a family of four with four-character names) fits version 10
 * (57 × 57 modules): printed 25 mm wide that is 0.44 mm per module, about 5 dots at 300 dpi, which office laser
 * printers and USB scanners handle reliably. Bigger statements (up to 11 persons) still encode, in a larger
 * version: print them at `qrPrintSizeMm`.
 */
export const QR_SPEC = {
  errorCorrectionLevel: 'M',
  mode: 'alphanumeric',
  /** The version every realistic document fits (tests/unit/shared/documents prove it with the qrcode library). */
  maxVersion: 10,
  /** Printed width of the symbol, quiet zone not included. */
  printSizeMm: 25,
  /** The quiet zone (white margin) ISO/IEC 18004 asks for, in modules. */
  quietZoneModules: 4,
  /** Smallest module worth printing for office printers and scanners. */
  minModuleMm: 0.4,
} as const;

/** Modules per side of a QR version (1–40). */
export function qrModules(version: number): number {
  return 17 + 4 * version;
}

/** Printed width (mm) for a symbol of `version`: QR_SPEC.printSizeMm, or wider so a module stays ≥ minModuleMm. */
export function qrPrintSizeMm(version: number): number {
  return Math.max(QR_SPEC.printSizeMm, Math.ceil(qrModules(version) * QR_SPEC.minModuleMm));
}
