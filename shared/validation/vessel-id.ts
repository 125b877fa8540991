/**
 * Vessel identification numbers (船舶识别号) accepted at a water checkpoint. Three formats, told apart by their shape:
 *
 * - `cn` — the China MSA's 船舶识别号 (中国海事局 《船舶识别号管理规定》): `CN` + 11 digits; digits 1–4 are the year
 *   the keel was laid, 5–10 a serial, 11 a check digit. Inland and coastal vessels of China carry it (it is what
 *   an inland boat on 红旗塘 shows). The check digit's algorithm is not published, so it is not verified; the year
 *   must be plausible (1900 to next year), which catches transposed or truncated numbers.
 * - `imo` — sea-going vessels' IMO ship identification number (SOLAS XI-1/3): `IMO` + 7 digits, the last a check
 *   digit: the first six multiplied by 7, 6, 5, 4, 3, 2, summed, last digit of the sum (IMO 9074729: 9×7 + 0×6 +
 *   7×5 + 4×4 + 7×3 + 2×2 = 139 → 9).
 * - `mmsi` — the AIS Maritime Mobile Service Identity (ITU-R M.585) as read off an AIS screen: 9 digits; a ship
 *   station's starts with its Maritime Identification Digits, 201–775 (China 412–414, Hong Kong 477). Coast
 *   stations (00…), groups (0…), SAR aircraft (111…) and AIS aids (99…) are refused: they are not vessels.
 *
 * Input is forgiving (spaces, lower case, full-width letters/digits from an IME); the stored value is normalised
 * (`CN20181234567`, `IMO9074729`, `412345678`). Refusals are codes, worded by the renderer.
 */
export type VesselIdKind = 'cn' | 'imo' | 'mmsi';
export type VesselIdError = 'format' | 'checksum' | 'year' | 'mid';
export type VesselIdResult = { ok: true; kind: VesselIdKind; value: string } | { ok: false; error: VesselIdError };

/** Full-width ASCII (Ａ-Ｚ, ０-９) to half-width, spaces and separators dropped, upper case. */
export function normalizeVesselId(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-·.]/g, '')
    .toUpperCase();
}

/** IMO check digit of the first six digits. */
export function imoCheckDigit(first6: string): number {
  let sum = 0;
  for (let i = 0; i < 6; i += 1) sum += Number(first6[i]) * (7 - i);
  return sum % 10;
}

export function parseVesselId(raw: string, today: Date = new Date()): VesselIdResult {
  const value = normalizeVesselId(raw);
  const cn = /^CN(\d{4})\d{7}$/.exec(value);
  if (cn) {
    const year = Number(cn[1]);
    if (year < 1900 || year > today.getUTCFullYear() + 1) return { ok: false, error: 'year' };
    return { ok: true, kind: 'cn', value };
  }
  const imo = /^IMO(\d{7})$/.exec(value);
  if (imo) {
    const digits = imo[1] ?? '';
    if (imoCheckDigit(digits.slice(0, 6)) !== Number(digits[6])) return { ok: false, error: 'checksum' };
    return { ok: true, kind: 'imo', value };
  }
  if (/^\d{9}$/.test(value)) {
    const mid = Number(value.slice(0, 3));
    if (mid < 201 || mid > 775) return { ok: false, error: 'mid' };
    return { ok: true, kind: 'mmsi', value };
  }
  return { ok: false, error: 'format' };
}

/** Whether the text looks like an attempt at a number rather than a vessel name (for the one entry field). */
export const looksLikeVesselId = (raw: string): boolean => /^(CN|IMO)?\d/.test(normalizeVesselId(raw));
