import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { demoState, expect, openSignedIn, test } from './support/demo-state';

// A station with demo residents: their names and ID numbers are what must not reach the zip.
test.use({ storageState: demoState('developmentResidents', 'window') });

test('设置 → 导出诊断信息 downloads a zip with versions and sync status, and no personal data', async ({ page }) => {
  await openSignedIn(page, '/#/settings');
  // Something personal that is certainly in this station's database, to look for in the zip.
  const resident = await page.evaluate(
    () =>
      new Promise<{ name: string; idNumber: string }>((resolve, reject) => {
        const open = indexedDB.open('yrd-station');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('persons').objectStore('persons').openCursor();
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            const value = get.result?.value as { name: string; idNumber: string } | undefined;
            open.result.close();
            if (value) resolve({ name: value.name, idNumber: value.idNumber });
            else reject(new Error('no resident'));
          };
        };
      }),
  );

  const download = page.waitForEvent('download');
  await page.getByTestId('diagnostics-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^yrd-diagnostics-\d{8}-\d{6}\.zip$/);
  await expect(page.getByTestId('diagnostics-result')).toHaveAttribute('data-kind', 'success');
  await expect(page.getByTestId('diagnostics-result')).toContainText('诊断信息已保存');

  const entries = unzipSync(new Uint8Array(await readFile(await file.path())));
  expect(Object.keys(entries)).toContain('diagnostics.json');
  const text = Object.values(entries).map((bytes) => strFromU8(bytes)).join('\n');
  const manifest = JSON.parse(strFromU8(entries['diagnostics.json'] as Uint8Array)) as {
    format: string;
    schemaVersion: number;
    app: { host: string };
    sync: { state: string; pendingEvents: number };
  };
  expect(manifest.format).toBe('yrd-diagnostics');
  expect(manifest.app.host).toBe('browser');
  expect(manifest.schemaVersion).toBeGreaterThan(0);
  expect(manifest.sync.state).toBe('notConfigured');

  expect(text).not.toContain(resident.name);
  expect(text).not.toContain(resident.idNumber);
  // Nothing in Chinese at all (names, addresses), and no ID-number-shaped digits.
  expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  expect(text).not.toMatch(/\d{17}[\dX]/);
});
