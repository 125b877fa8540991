import type { Browser, BrowserContext, Page } from '@playwright/test';
import { DEMO_STATIONS } from '../../shared/demo/demo-network';
import { startNatsServer, type TestNatsServer } from '../support/nats-server';
import { SEVEN_CODES, prng, randomRecipients, sevenRoster, shuffle } from '../support/seven-stations';
import type { StationReport } from '../support/sync-station-protocol';
import { demoContext, expect, openSignedIn, test, type DemoInstallName } from './support/demo-state';
import { NodeStations } from './support/node-stations';
import { chromiumProbes, chromiumReport, differences } from './support/station-report';

/**
 * 五地七所 through a real nats-server: seven stations, two of them the real app in Chromium (蒸淀 and 姚庄, each its
 * own browser context: another PC, another IndexedDB), five in Node (the unit tests' station harness with the real
 * sync engine, in a child process: tests/support/sync-station-host.ts). All share one trust roster: the seven-station
 * roster the demo root signs (tests/support/seven-stations.ts); the exchange is configured from it, the Node stations
 * hold it, and the browsers take it through sync from a neighbour, as the field would.
 */

const ZHENDIAN = DEMO_STATIONS.zhendian;
const YAOZHUANG = DEMO_STATIONS.yaozhuang;
/** Neighbours of the browsers under the demo roster (version 1) too: they bring them the seven-station roster. */
const FIRST_NODES = [DEMO_STATIONS.xinbang, DEMO_STATIONS.lvxiang, DEMO_STATIONS.zhapu];
/** Neighbours only under the seven-station roster: opened once the browsers hold it, or their first cursors would be refused. */
const LATER_NODES = [DEMO_STATIONS.zhouzhuang, DEMO_STATIONS.sanlian];
const ROSTER_TEXT = `信任名册 第 ${sevenRoster.roster.version} 版，${SEVEN_CODES.length} 个派出所`;

// Seven stations, two browsers and an exchange share a CI machine of two cores.
// Serial: the three tests play one network, one after another (opening seven stations is the slow part).
test.describe.configure({ mode: 'serial', timeout: 120_000 });

/** The network of the run, and what each station must hold by now (each test adds to it). */
interface Seven {
  server: TestNatsServer;
  nodes: NodeStations;
  contexts: Map<string, BrowserContext>;
  pages: Map<string, Page>;
  expected: Map<string, Set<string>>;
}

let opened: Seven | null = null;

function seven(): Seven {
  if (!opened) throw new Error('the seven stations are not open');
  return opened;
}

/** A tab of the app in `context`, its admin signed in, on the 同步 page. */
async function openPage(context: BrowserContext, name: string): Promise<Page> {
  const page = await context.newPage();
  await openSignedIn(page, '/#/sync');
  await expect(page.getByTestId('sync-station')).toContainText(name);
  return page;
}

async function connect(page: Page, server: TestNatsServer): Promise<void> {
  await page.getByTestId('sync-exchange-address').fill(server.wsUrl);
  await page.getByTestId('sync-exchange-save').click();
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', /online|syncing/, { timeout: 15_000 });
}

/** A 联调消息 typed on the 同步 page (the form addresses one neighbour per message). */
async function sendFromPage(page: Page, to: string, text: string): Promise<void> {
  await page.getByTestId('sync-probe-to').click();
  await page.getByTestId(`sync-probe-to-${to}`).click();
  await page.getByTestId('sync-probe-text').fill(text);
  await page.getByTestId('sync-probe-send').click();
  await expect(page.getByTestId('sync-probes')).toContainText(text);
}

const BROWSER_STATIONS = [
  { install: 'zhendian', code: ZHENDIAN, name: '蒸淀派出所' },
  { install: 'yaozhuang', code: YAOZHUANG, name: '姚庄派出所' },
] as const satisfies { install: DemoInstallName; code: string; name: string }[];

const nameOf = (code: string) => BROWSER_STATIONS.find((b) => b.code === code)?.name ?? code;

/**
 * The seven stations online: the exchange configured from the seven-station roster, the browsers' first neighbours
 * in Node, the browsers (each a new context: another PC) connected and given the roster through sync (shown at once
 * on the 同步 page), then the rest.
 */
async function openSeven(browser: Browser): Promise<Seven> {
  const server = await startNatsServer({ roster: sevenRoster.roster });
  const network: Seven = { server, nodes: await NodeStations.start(server.url, FIRST_NODES), contexts: new Map(), pages: new Map(), expected: new Map() };
  opened = network;
  for (const { install, code, name } of BROWSER_STATIONS) {
    const context = await demoContext(browser, install, 'stationAdmin');
    network.contexts.set(code, context);
    const page = await openPage(context, name);
    network.pages.set(code, page);
    await connect(page, server);
  }
  await network.nodes.forwardRoster(DEMO_STATIONS.xinbang, [ZHENDIAN, YAOZHUANG]);
  for (const page of network.pages.values()) await expect(page.getByTestId('sync-page')).toContainText(ROSTER_TEXT, { timeout: 15_000 });
  await network.nodes.open(LATER_NODES);
  return network;
}

test.beforeAll(async ({ browser }) => {
  await openSeven(browser);
});

test.afterAll(async () => {
  const network = opened;
  opened = null;
  if (!network) return;
  for (const context of network.contexts.values()) await context.close();
  await network.nodes.close();
  await network.server.dispose();
});

async function reports(): Promise<StationReport[]> {
  const { nodes, pages } = seven();
  const fromPages = await Promise.all([...pages].map(([code, page]) => chromiumReport(page, code)));
  return [...(await nodes.reports()), ...fromPages];
}

/** Records that message `id` was addressed to `to`. */
function address(id: string, to: string[]): void {
  const { expected } = seven();
  for (const code of to) {
    const set = expected.get(code) ?? new Set<string>();
    set.add(id);
    expected.set(code, set);
  }
}

/** Waits until every station holds exactly what was addressed to it, applied once, every chain unforked. */
async function expectSettled(timeout = 60_000): Promise<StationReport[]> {
  let last: StationReport[] = [];
  await expect
    .poll(
      async () => {
        last = await reports();
        return differences(last, seven().expected);
      },
      { timeout, intervals: [250, 500, 1000] },
    )
    .toEqual([]);
  return last;
}

/**
 * Every station writes to random subsets of the others, in one random order over all seven: Node stations
 * `perNode` events each to several recipients, browsers up to `perBrowser` messages typed to one neighbour each.
 * The ids of typed messages are read back from the browsers' databases.
 */
async function writeRandomly(seed: number, label: string, perNode: number, perBrowser: number): Promise<void> {
  const { nodes, pages } = seven();
  const random = prng(seed);
  const writes: { from: string; to: string[] }[] = [];
  for (const from of SEVEN_CODES) {
    const others = SEVEN_CODES.filter((c) => c !== from);
    if (pages.has(from)) for (const peer of randomRecipients(others, random).slice(0, perBrowser)) writes.push({ from, to: [peer] });
    else for (let i = 0; i < perNode; i += 1) writes.push({ from, to: randomRecipients(others, random) });
  }
  const typed: string[] = [];
  for (const [n, { from, to }] of shuffle(writes, random).entries()) {
    const text = `${label}·${from}·${n}`;
    const page = pages.get(from);
    if (page) {
      await sendFromPage(page, to[0] ?? '', text);
      typed.push(text);
    } else address(await nodes.send(from, to, text), to);
  }
  for (const page of pages.values()) {
    for (const probe of await chromiumProbes(page)) if (probe.direction === 'sent' && typed.includes(probe.text)) address(probe.aggregateId, probe.to);
  }
}

const receivedCount = (all: StationReport[]) => all.reduce((n, r) => n + r.received.length, 0);
const expectedCount = () => [...seven().expected.values()].reduce((n, s) => n + s.size, 0);

/** The 同步 page lists this many messages, the newest first. */
const LISTED = 50;

/** What each browser shows: the messages it holds (all of them when few), and nothing pending for any of its six neighbours. */
async function expectScreens(): Promise<void> {
  for (const [code, page] of seven().pages) {
    const probes = await chromiumProbes(page);
    const table = page.getByTestId('sync-probes');
    await expect(table.locator('.el-table__row')).toHaveCount(Math.min(LISTED, probes.length));
    if (probes.length <= LISTED) for (const probe of probes) await expect(table).toContainText(probe.text);
    for (const peer of SEVEN_CODES.filter((c) => c !== code)) await expect(page.getByTestId(`sync-pending-${peer}`)).toHaveText('0');
  }
}

/** The station of `page`: events applied over all authors (its cursors), and events held waiting for an earlier one. */
function progressAt(page: Page): Promise<{ applied: number; waiting: number }> {
  return page.evaluate(async () => {
    const request = <R>(r: IDBRequest<R>) =>
      new Promise<R>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
      });
    const idb = await request(indexedDB.open('yrd-station'));
    try {
      const tx = idb.transaction(['syncCursors', 'syncPending']);
      const cursors = (await request(tx.objectStore('syncCursors').getAll())) as { seq: number }[];
      return { applied: cursors.reduce((n, c) => n + c.seq, 0), waiting: await request(tx.objectStore('syncPending').count()) };
    } finally {
      idb.close();
    }
  });
}

/** A station PC slower than the test machine, so a kill falls inside the apply of a batch more often than between two. */
async function slowDown(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 2 });
}

/** Kills the page's renderer process (as a crash or a power cut would), not a tidy close. */
async function crash(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
  await page.close().catch(() => undefined);
}

/** A probe text near the form's 200-character limit: fewer events to a 256 KiB batch, so a backlog is many batches. */
const LONG = '联调'.repeat(85);

test('五地七所: seven stations send to random subsets in random order; each ends with exactly what was addressed to it', async () => {
  await writeRandomly(7, '七所', 3, 3);
  // Every station is addressed by someone, browsers by Node stations and by each other.
  expect(seven().expected.size).toBe(SEVEN_CODES.length);
  await expectSettled();
  await expectScreens();
});

test('the receiving browser killed mid-apply, three times: every event there exactly once, the chains unforked', async () => {
  const { nodes, contexts, pages } = seven();
  const [xinbang, lvxiang] = [DEMO_STATIONS.xinbang, DEMO_STATIONS.lvxiang];
  const context = contexts.get(ZHENDIAN);
  if (!context) throw new Error('no 蒸淀 browser');
  // 蒸淀's PC is off while a backlog of many batches waits on the exchange for it, from two authors.
  const off = pages.get(ZHENDIAN);
  const base = off ? (await progressAt(off)).applied : 0;
  await off?.close();
  for (const id of await nodes.bulk(xinbang, [ZHENDIAN], 800, '积压甲', LONG)) address(id, [ZHENDIAN]);
  for (const id of await nodes.bulk(lvxiang, [ZHENDIAN, xinbang], 800, '积压乙', LONG)) address(id, [ZHENDIAN, xinbang]);
  const total = base + 1600;
  await expect.poll(async () => (await nodes.reports()).reduce((n, r) => n + r.unsent, 0), { timeout: 30_000 }).toBe(0);
  const killedAt: number[] = [];
  for (let kill = 0; kill < 3; kill += 1) {
    // Switched on (again), on a slow PC: sync starts with the app, before anyone signs in, and applies the backlog.
    // Killed as soon as it is seen applying: one batch through since the window opened, the next under way.
    const page = await context.newPage();
    await slowDown(page);
    await page.goto('/#/sync');
    const { applied, waiting } = await progressAt(page);
    await expect
      .poll(
        async () => {
          const now = await progressAt(page);
          return now.applied + now.waiting > applied + waiting;
        },
        { timeout: 30_000, intervals: [50] },
      )
      .toBe(true);
    killedAt.push((await progressAt(page)).applied);
    await crash(page);
  }
  // Each kill fell while the backlog was still being applied.
  for (const at of killedAt) expect(at).toBeLessThan(total);
  pages.set(ZHENDIAN, await openPage(context, nameOf(ZHENDIAN)));
  await expectSettled();
  await expectScreens();
});

test('the exchange stopped and started again mid-sync (same store, same port): sync resumes and completes', async () => {
  const { server, nodes, pages } = seven();
  const random = prng(21);
  // A backlog from every Node station to random subsets, the last one to everybody: the engines send it while it is
  // written, so when the last write returns, the first is through and the last is on its way.
  const writers = [...FIRST_NODES, ...LATER_NODES];
  const before = receivedCount(await reports());
  for (const [n, from] of writers.entries()) {
    const others = SEVEN_CODES.filter((c) => c !== from);
    const to = n === writers.length - 1 ? others : randomRecipients(others, random);
    for (const id of await nodes.bulk(from, to, 120, `断网前${from}`, LONG)) address(id, to);
  }
  await server.stop();
  // Stopped part-way: some of the backlog had arrived, not all of it.
  const atStop = receivedCount(await reports());
  expect(atStop).toBeGreaterThan(before);
  expect(atStop).toBeLessThan(expectedCount());
  // The browsers show the exchange gone; everyone writes on, the messages wait in the outboxes.
  for (const page of pages.values()) await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  await writeRandomly(22, '断网中', 2, 1);
  await server.start();
  await expectSettled(90_000);
  await expectScreens();
});
