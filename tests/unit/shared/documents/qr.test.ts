import { describe, expect, it } from 'vitest';
import { QR_SPEC, issueDocument, qrModules, qrPrintSizeMm, verifyDocument, type StatementInput } from '@shared/documents';
import { decodeQrImage, documentQr, renderQr, renderQrOnPage } from '../../../support/qr-image';
import { IDS, LVXIANG, ZHAPU, largest, roster, samples, zhapuKey } from './fixtures';

/** The longest of each kind that a station realistically prints. */
const largestOfEach: StatementInput[] = [
  largest,
  { ...largest, type: 'movePermit', number: `ZQ${ZHAPU}202699999`, originStation: LVXIANG } as StatementInput,
  {
    ...samples.recordsCertificate,
    number: `${ZHAPU}-2026-99999`,
    matter: 'kinship',
    subject: { name: '买买提艾力·阿不都热合曼', idNumber: IDS.zhapu },
    detail: '与阿依古丽·买买提系母子关系，与买买提·吐尔逊系父子关系，特此证明',
  } as StatementInput,
  { ...samples.householdPage, number: `HK${ZHAPU}202699999`, subject: { name: '买买提艾力·阿不都热合曼', idNumber: IDS.zhapu } } as StatementInput,
  { ...samples.patrolLog, stations: roster.stations.slice(0, 6).map((s) => s.code), eventRows: 999, inspections: 9999 } as StatementInput,
];

describe('QR code', () => {
  it.each(largestOfEach)('fits version 10 at level M for the largest $type', (input) => {
    const { text } = issueDocument(input, zhapuKey.secretKey);
    const auto = documentQr(text);
    expect(auto.version).toBeLessThanOrEqual(QR_SPEC.maxVersion);
    expect(auto.errorCorrectionLevel.bit).toBe(0); // M
    expect(auto.segments.map((s) => s.mode.id)).toEqual(['Alphanumeric']);
    // qrcode throws when the data does not fit the requested version.
    expect(() => documentQr(text, QR_SPEC.maxVersion)).not.toThrow();
  });

  it('prints the largest realistic code with modules of at least 0.4 mm at 25 mm', () => {
    const version = documentQr(issueDocument(largest, zhapuKey.secretKey).text).version;
    expect(QR_SPEC.printSizeMm / qrModules(version)).toBeGreaterThanOrEqual(QR_SPEC.minModuleMm);
    expect(qrPrintSizeMm(version)).toBe(QR_SPEC.printSizeMm);
  });

  it('still encodes the biggest statement the format allows, in a larger symbol printed larger', () => {
    const persons = Array.from({ length: 11 }, (_, i) => ({ name: `${'欧阳'.repeat(7)}${i}`, idNumber: IDS.child }));
    const { text } = issueDocument({ ...largest, persons } as StatementInput, zhapuKey.secretKey);
    const qr = documentQr(text);
    expect(qr.version).toBeGreaterThan(QR_SPEC.maxVersion);
    expect(qrPrintSizeMm(qr.version)).toBeGreaterThan(QR_SPEC.printSizeMm);
  });

  it('decodes from its rendered picture back to the same text, which verifies', () => {
    const { text } = issueDocument(largest, zhapuKey.secretKey);
    const decoded = decodeQrImage(renderQr(text, 3));
    expect(decoded).toBe(text);
    expect(verifyDocument(decoded ?? '', { roster, now: new Date('2026-11-25T00:00:00Z') }).verdict).toBe('genuine');
  });

  it('decodes from a whole A4 page at 300 dpi with the code printed 25 mm wide', () => {
    const { text } = issueDocument(samples.recordsCertificate, zhapuKey.secretKey);
    const page = renderQrOnPage(text);
    expect([page.width, page.height]).toEqual([2480, 3508]);
    expect(decodeQrImage(page)).toBe(text);
  });
});
