import type { IpcMainInvokeEvent } from 'electron';
import { dispatch, type BridgeHandlers } from '../../../electron/main/bridge';
import { APP_ORIGIN } from '../../../electron/main/origin';
import type { BenchCase } from '../lib';

// A top frame (no parent), so the bench measures an accepted call, not the cheaper refusal.
const frame = { url: 'app://station/index.html', parent: null };
const event = { senderFrame: frame, sender: { mainFrame: frame } } as unknown as IpcMainInvokeEvent;
const handlers = {
  'file.saveAs': async () => ({ outcome: 'saved', path: '/tmp/x' }),
} as unknown as BridgeHandlers;

/** What the checks on every bridge call (sender, argument schema, result schema) cost. */
export const cases: BenchCase[] = [
  {
    name: 'bridge',
    async run() {
      const n = 20_000;
      const args = { suggestedName: 'batch.yrdb', content: 'x'.repeat(1024) };
      const start = performance.now();
      for (let i = 0; i < n; i += 1) await dispatch('file.saveAs', event, args, handlers, [APP_ORIGIN]);
      const seconds = (performance.now() - start) / 1000;
      return [{ name: 'bridge.dispatch_per_s', value: n / seconds, unit: 'calls/s' }];
    },
  },
];
