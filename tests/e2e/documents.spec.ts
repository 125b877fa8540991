import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { startNatsServer, type TestNatsServer } from '../support/nats-server';
import { openedRows } from './support/sealed-rows';
import { pickOption } from './support/select';
import { connectedStation } from './support/exchange-station';

/** Two stations, an exchange and a 300 dpi rendering share 2 cores with the rest: allow for it. */
const expect = baseExpect.configure({ timeout: 20_000 });

/**
 * Issue #18 end to end: 平湖 乍浦 issues a 户籍事项证明; its PDF is rendered to a picture with pdftoppm, the QR is
 * decoded from the picture, and 金山 吕巷 verifies the decoded text as genuine with the certificate's facts; an
 * altered text verifies as altered; after 乍浦 revokes it and sync runs through a real exchange, 吕巷 shows it revoked.
 */
let nats: TestNatsServer;
test.describe.configure({ mode: 'serial', timeout: 240_000 });
test.use({ actionTimeout: 20_000 });
test.beforeAll(async () => {
  nats = await startNatsServer();
});
test.afterAll(async () => {
  await nats.dispose();
});

/** The page as a 300 dpi greyscale picture (pdftoppm), and the QR text jsQR finds in it. */
function qrFromPdf(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'yrd-doc-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '300', '-gray', '-f', '1', '-l', '1', '-singlefile', join(dir, 'doc.pdf'), join(dir, 'page')]);
    const pgm = readFileSync(join(dir, 'page.pgm'));
    // Binary PGM: "P5", width, height, maxval, one whitespace, then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not write a binary PGM');
    const [whole, w, h] = header;
    const width = Number(w);
    const height = Number(h);
    const grey = pgm.subarray(whole.length);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i += 1) {
      rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = grey[i] ?? 255;
      rgba[i * 4 + 3] = 255;
    }
    const found = jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' });
    if (!found) throw new Error(`no QR code found on the ${width}×${height} page`);
    return found.data;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function verifyAt(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('verify-input');
  await input.fill(text);
  // A USB scanner ends its line with Enter: the check runs at once.
  await input.press('Enter');
}

test('乍浦 prints a certificate with a signed QR; 吕巷 verifies the scanned picture; an altered text fails; a revocation reaches 吕巷', async ({ browser }) => {
  const zhapu = await connectedStation(browser, 'zhapu', '乍浦', nats.wsUrl);
  const lvxiang = await connectedStation(browser, 'lvxiang', '吕巷', nats.wsUrl);

  const [resident] = (await openedRows<{ id: string; name: string; status: { code: string } }>(zhapu, 'persons')).filter((p) => p.status.code === 'registered');
  if (!resident) throw new Error('the 乍浦 demo station has no resident');
  await zhapu.goto(`/#/records/persons/${resident.id}`);
  await zhapu.getByTestId('issue-certificate').click();
  const dialog = zhapu.getByTestId('certificate-dialog');
  await pickOption(zhapu, 'certificate-matter', '亲属关系');
  await dialog.getByTestId('certificate-statement').fill(`${resident.name}与其母系母子关系。`);
  await dialog.getByTestId('certificate-purpose').fill('办理子女入学');
  await dialog.getByTestId('certificate-issue').click();
  const sheet = zhapu.getByTestId('certificate-sheet');
  await expect(sheet.getByTestId('document-qr')).toBeVisible();
  const number = (await sheet.getByTestId('document-qr').locator('figcaption').textContent())?.trim() ?? '';
  expect(number).toMatch(/^330482\d{6}-\d{4}-\d+$/);

  const text = qrFromPdf(await zhapu.pdf({ format: 'A4', printBackground: true }));
  expect(text).toMatch(/^YRD1:[0-9A-Z $%*+\-./:]+$/);

  await lvxiang.goto('/#/documents');
  await verifyAt(lvxiang, text);
  const result = lvxiang.getByTestId('verify-result');
  await expect(result).toHaveAttribute('data-verdict', 'genuine');
  await expect(lvxiang.getByTestId('verify-verdict')).toContainText('真实有效');
  const facts = lvxiang.getByTestId('verify-facts');
  await expect(facts).toContainText(number);
  await expect(facts).toContainText(resident.name);
  await expect(facts).toContainText('亲属关系证明');
  await expect(facts).toContainText('乍浦');
  await expect(lvxiang.getByTestId('verify-freshness')).toBeVisible();

  // One character of the signed body changed, as a forger editing the code would.
  const at = 30;
  const altered = text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
  await verifyAt(lvxiang, altered);
  await expect(result).toHaveAttribute('data-verdict', 'altered');

  await zhapu.getByTestId('revoke-document').click();
  await pickOption(zhapu, 'revoke-reason', '错误签发');
  await zhapu.getByTestId('revoke-confirm').click();
  await expect(zhapu.getByTestId('document-revoked')).toContainText('错误签发');

  // Sync runs in the background; each check reads what has arrived by then.
  await expect(async () => {
    await verifyAt(lvxiang, text);
    await expect(result).toHaveAttribute('data-verdict', 'revoked', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(lvxiang.getByTestId('verify-revocation')).toContainText('错误签发');
});
