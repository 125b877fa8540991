import type { Browser, Page } from '@playwright/test';
import { DEMO_STATIONS } from '../../shared/demo/demo-network';
import { demoContext, expect, openSignedIn, test, type DemoInstallName } from './support/demo-state';
import { switchOfficer } from './support/session';

// 金山 吕巷 (lvxiang) sends its checkpoint; 平湖 乍浦 holds it.
const B = DEMO_STATIONS.zhapu;

// Two stations (two browsers, two databases) on a busy CI machine.
test.describe.configure({ timeout: 180_000 });

async function openStation(browser: Browser, install: DemoInstallName): Promise<Page> {
  const context = await demoContext(browser, install, 'stationAdmin', { acceptDownloads: true });
  const page = await context.newPage();
  await openSignedIn(page, '/#/sync');
  return page;
}

/** Carries everything `from` has pending in a bundle file to `to` (as a USB stick would), both on the 同步 page. */
async function carry(from: Page, to: Page, name: string): Promise<void> {
  const download = from.waitForEvent('download');
  await from.getByTestId('sync-bundle-export').click();
  const path = test.info().outputPath(name);
  await (await download).saveAs(path);
  const chooser = to.waitForEvent('filechooser');
  await to.getByTestId('sync-bundle-import').click();
  await (await chooser).setFiles(path);
  await expect(to.getByTestId('sync-bundle-result')).toContainText('应用');
}

/**
 * What someone at the PC with DevTools can do to the trail in IndexedDB, with the station key (a demo station keeps
 * it in the database): `cut` deletes every entry after `seq`; `edit` changes entry `seq` and re-chains and
 * re-authenticates every entry after it. Either way the local anchor is moved to the new end.
 */
function tamper(page: Page, action: 'cut' | 'edit', seq: number): Promise<void> {
  return page.evaluate(
    async ({ action, seq }) => {
      type Entry = { seq: number; at: string; station: string; officer: string; action: string; object: string; result: string; detail: string; prevHash: string; hash: string; mac?: string };
      const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
      const fromHex = (text: string) => new Uint8Array(text.match(/../g)?.map((h) => parseInt(h, 16)) ?? []);
      const utf8 = (text: string) => new TextEncoder().encode(text);
      const hmac = async (key: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>) => {
        const imported = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
        return new Uint8Array(await crypto.subtle.sign('HMAC', imported, data));
      };
      const request = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('yrd-station');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const keyRow = await request(database.transaction('meta').objectStore('meta').get('sync.stationKey'));
      const pair = (keyRow as { value: { secretKey: string; publicKey: string } }).value;
      const macKey = await hmac(fromHex(pair.secretKey), utf8('yrd-station audit entry mac v1'));
      const entries = (await request(database.transaction('audit').objectStore('audit').getAll())) as Entry[];
      entries.sort((x, y) => x.seq - y.seq);
      let kept = entries.filter((e) => e.seq <= seq);
      if (action === 'edit') {
        kept = entries.slice(0, seq);
        let prevHash = kept.at(-1)?.hash ?? '0'.repeat(64);
        for (const original of entries.slice(seq)) {
          const e = original.seq === seq ? { ...original, detail: `${original.detail} (改过)` } : { ...original };
          const canonical = JSON.stringify([e.seq, e.at, e.station, e.officer, e.action, e.object, e.result, e.detail, prevHash]);
          const hash = hex(await crypto.subtle.digest('SHA-256', utf8(canonical)));
          const mac = `${pair.publicKey.slice(0, 16)}.${hex((await hmac(macKey, utf8(hash))).buffer as ArrayBuffer)}`;
          kept.push({ ...e, prevHash, hash, mac });
          prevHash = hash;
        }
      }
      const tx = database.transaction('audit', 'readwrite');
      const store = tx.objectStore('audit');
      store.clear();
      kept.forEach((e) => store.put(e));
      await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
      database.close();
      const last = kept.at(-1);
      if (last) localStorage.setItem('yrd.audit.anchor:yrd-station', JSON.stringify({ seq: last.seq, hash: last.hash }));
    },
    { action, seq },
  );
}

/** The seq of the newest checkpoint a neighbour acknowledged, read where the station keeps the acknowledgements. */
function acknowledgedSeq(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('yrd-station');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows = await new Promise<{ kind: string; seq: number }[]>((resolve, reject) => {
      const r = database.transaction('auditCheckpoints').objectStore('auditCheckpoints').getAll();
      r.onsuccess = () => resolve(r.result as { kind: string; seq: number }[]);
      r.onerror = () => reject(r.error);
    });
    database.close();
    return Math.max(...rows.filter((row) => row.kind === 'ack').map((row) => row.seq));
  });
}

async function verify(page: Page): Promise<void> {
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verifying')).toHaveCount(0, { timeout: 30_000 });
}

test('the auditor finds a cut tail and an entry edited and re-chained, against the checkpoint a neighbour holds', async ({ browser }) => {
  const a = await openStation(browser, 'lvxiang');
  const b = await openStation(browser, 'zhapu');
  // Signing out sends a checkpoint to the neighbours; the admin signs in again to carry it to 乍浦 on a USB stick.
  await switchOfficer(a, 'stationAdmin');
  await a.goto('/#/sync');
  await expect(a.getByTestId(`sync-pending-${B}`)).not.toHaveText('0');
  await carry(a, b, 'to-zhapu.yrdsync');
  // 乍浦 holds it and answers with its signed acknowledgement, which comes back the same way.
  await carry(b, a, 'to-lvxiang.yrdsync');

  await switchOfficer(a, 'auditor');
  await a.goto('/#/audit');
  await expect(a.getByTestId('audit-checkpoint-holder')).toContainText('乍浦镇派出所');
  await expect(a.getByTestId('audit-checkpoint-sent')).toBeVisible();
  await verify(a);
  await expect(a.getByTestId('audit-verify-result')).toContainText('审计链完整');

  // Entries cut off the end, the anchor moved: the neighbour's copy still has them.
  const held = await acknowledgedSeq(a);
  expect(held).toBeGreaterThan(1);
  await tamper(a, 'cut', held - 1);
  await verify(a);
  await expect(a.getByTestId('audit-verify-result')).toContainText(`第 ${held} 条`);
  await expect(a.getByTestId('audit-verify-result')).toContainText('邻站保存的审计检查点');

  // An entry edited, the chain re-linked and re-authenticated with the station key, the anchor moved.
  await tamper(a, 'edit', 1);
  await verify(a);
  await expect(a.getByTestId('audit-verify-result')).toContainText('第 1 条');
  await expect(a.getByTestId('audit-verify-result')).toContainText('与邻站保存的审计检查点不符');
});
