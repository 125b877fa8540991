import QRCode from 'qrcode';
import { demoRoster, demoStationKey, DEMO_STATIONS } from '@shared/demo/demo-network';
import { QR_SPEC, issueDocument, qrPrintSizeMm, signRevocation, verifyDocument, type SignedRevocation, type StatementInput } from '@shared/documents';
import { signBytes, verifyBytes } from '@shared/sync/keys';
import { decodeQrPixels } from '@renderer/features/documents/qr-decode';
import { percentile, sample, type BenchCase } from '../lib';

const ZHAPU = DEMO_STATIONS.zhapu;
const zhapuKey = demoStationKey(ZHAPU);
const SAMPLES = 200;
const DPI = 300;
const A4_MM = { width: 210, height: 297 };
const px = (mm: number) => Math.round((mm / 25.4) * DPI);

/** The largest realistic document (docs/verify.md §5): a 户口迁移证 for a family of four. */
const familyOfFour: StatementInput = {
  type: 'migrationCertificate',
  number: `QY${ZHAPU}202600003`,
  issuingStation: ZHAPU,
  officer: '000004',
  issueDate: '2026-11-23',
  validUntil: '2099-12-31',
  category: 'spouse',
  destinationStation: DEMO_STATIONS.lvxiang,
  permitNumber: `ZQ${DEMO_STATIONS.lvxiang}202600003`,
  persons: [
    { name: '欧阳秀英', idNumber: '330482199001010010' },
    { name: '司马小龙', idNumber: '320583201006150039' },
    { name: '诸葛晓月', idNumber: '330421201503010069' },
    { name: '上官雨天', idNumber: '11010519491231002X' },
  ],
};

/** A year of a busy station's revocations, the list a verifier scans for each document. */
function revocations(n: number): SignedRevocation[] {
  return Array.from({ length: n }, (_, i) =>
    signRevocation({ documentType: 'recordsCertificate', number: `${ZHAPU}-2026-${String(i).padStart(5, '0')}`, issuingStation: ZHAPU, reason: 'lost', revokedAt: '2026-06-01T00:00:00.000Z', officer: '330000:000004' }, zhapuKey.secretKey),
  );
}

/**
 * An A4 page scanned at 300 dpi (greyscale, as RGBA for the decoder): white, with the document's QR code printed at
 * its size (25 mm for version ≤ 10, quiet zone included) where the signature block puts it, lower left.
 */
function scannedPage(text: string): { data: Uint8ClampedArray; width: number; height: number } {
  const qr = QRCode.create(text, { errorCorrectionLevel: QR_SPEC.errorCorrectionLevel });
  const n = qr.modules.size;
  const width = px(A4_MM.width);
  const height = px(A4_MM.height);
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  const module = px(qrPrintSizeMm(qr.version)) / n;
  const left = px(22);
  const top = px(200);
  for (let y = 0; y < n; y += 1) {
    for (let x = 0; x < n; x += 1) {
      if (!qr.modules.get(y, x)) continue;
      for (let yy = Math.floor(top + y * module); yy < Math.floor(top + (y + 1) * module); yy += 1) {
        for (let xx = Math.floor(left + x * module); xx < Math.floor(left + (x + 1) * module); xx += 1) {
          const i = (yy * width + xx) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
      }
    }
  }
  return { data, width, height };
}

/**
 * 文书核验 speed (issue #18): one verification against the demo roster with 1,000 revocations held (target ≤ 20 ms),
 * beside its floor, a bare Ed25519 verification; and decoding the QR from a 300 dpi A4 page image with jsQR (the
 * decoding the 核验 screen uses for a picture: a reduced first pass, then full resolution), beside its floor, one pass over the page's pixels.
 */
export const cases: BenchCase[] = [
  {
    name: 'documents',
    async run() {
      const { text } = issueDocument(familyOfFour, zhapuKey.secretKey);
      const held = revocations(1_000);
      const options = { roster: demoRoster, revocations: held, now: new Date('2026-12-01T00:00:00Z') };
      if (verifyDocument(text, options).verdict !== 'genuine') throw new Error('documents bench: the sample does not verify');
      const verify = await sample(SAMPLES, () => verifyDocument(text, options));
      const message = new TextEncoder().encode(text);
      const signature = signBytes(message, zhapuKey.secretKey);
      const floor = await sample(SAMPLES, () => verifyBytes(signature, message, zhapuKey.publicKey));

      const page = scannedPage(text);
      const decode = await sample(10, () => {
        if (decodeQrPixels(page) !== text) throw new Error('documents bench: the page does not decode to the text');
      });
      const pass = await sample(10, () => {
        let dark = 0;
        for (let i = 0; i < page.data.length; i += 4) if ((page.data[i] ?? 255) < 128) dark += 1;
        return dark;
      });
      return [
        { name: 'documents.verify_p95_ms', value: percentile(verify, 95), unit: 'ms' },
        { name: 'documents.verify_floor_ed25519_p95_ms', value: percentile(floor, 95), unit: 'ms' },
        { name: 'documents.qr_decode_p95_ms', value: percentile(decode, 95), unit: 'ms' },
        { name: 'documents.page_pixel_pass_floor_ms', value: percentile(pass, 50), unit: 'ms' },
      ];
    },
  },
];
