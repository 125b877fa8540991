import { DEMO_STATIONS, demoRosterStations } from '../../../shared/demo/demo-network';
import type { RequestForm } from '../../../shared/assist/model';
import { raise } from '../../../renderer/features/assist/commands';
import { startNatsServer } from '../../support/nats-server';
import { percentile, type StationBenchCase } from '../lib';
import { openReceiver } from './receiver-page';
import { openSender } from './sender';

/**
 * 协查 delivery through a real exchange: a request raised at 吕巷 (a station in this Node process) until 乍浦, in
 * Chromium on real IndexedDB, has verified and applied it in its inbox transaction (its 协查 list is a liveQuery over
 * that table, so it shows on the next render). One request at a time; target p95 ≤ 1,000 ms.
 */
const A = DEMO_STATIONS.lvxiang;
const B = DEMO_STATIONS.zhapu;
const SAMPLES = 30;

function form(i: number): RequestForm {
  return {
    type: 'vehicleIntercept',
    urgency: 'extraUrgent',
    title: `嫌疑车辆拦截 ${i}`,
    details: '两名嫌疑人驾车向平湖方向逃离，请沿线卡口拦截',
    subjects: [{ kind: 'vehicle', plate: '沪C12345', description: '白色轿车' }],
    places: '吕巷镇',
    times: '凌晨3时',
    caseNumber: 'A310116202603',
    contact: '021-57000000',
    instructions: '发现后立即控制',
    addressing: { kind: 'stations', stations: [B] },
    watchUntil: null,
    attachments: [],
  };
}

export const cases: StationBenchCase[] = [
  {
    name: 'assist.delivery',
    async run(env) {
      const server = await startNatsServer();
      const sender = await openSender(A);
      const context = await env.browser.newContext();
      const dataKey = Array.from(crypto.getRandomValues(new Uint8Array(32)));
      try {
        const receiver = await openReceiver(context, { url: env.url, dbName: `bench-assist-${B}`, code: B, dataKey, fresh: true, wsUrl: server.wsUrl });
        sender.engine.start(server.url);
        const actor = { station: { code: A, name: '吕巷派出所' }, officer: { key: '310000:000003', name: '张伟' }, database: sender.database };
        // Warm up: both connected, consumers attached, the first request through.
        await raise(form(0), demoRosterStations, actor);
        await receiver.waitApplied(1, 30_000);
        const samples: number[] = [];
        for (let i = 1; i <= SAMPLES; i += 1) {
          const start = performance.now();
          await raise(form(i), demoRosterStations, actor);
          await receiver.waitApplied(i + 1, 10_000);
          samples.push(performance.now() - start);
        }
        const held = await receiver.page.evaluate(async () => (await window.__receiver?.assistRequests()) ?? 0);
        if (held !== SAMPLES + 1) throw new Error(`乍浦 holds ${held} requests, expected ${SAMPLES + 1}`);
        await receiver.stop();
        return [
          { name: 'assist.request_delivery_p95_ms', value: percentile(samples, 95), unit: 'ms' },
          { name: 'assist.request_delivery_p50_ms', value: percentile(samples, 50), unit: 'ms' },
        ];
      } finally {
        await sender.close();
        await context.close();
        await server.dispose();
      }
    },
  },
];
