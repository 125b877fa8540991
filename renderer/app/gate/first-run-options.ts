import { defineAsyncComponent, markRaw } from 'vue';
import { features, type FirstRunCard } from '../features';

/**
 * The ways a fresh installation can get its first accounts, shown as cards on the first-run screen: the app's own
 * (demo station, first admin) and the features' (sync: pick a demo station; provisioning: import a package, restore a
 * backup). A card needs nothing from the screen: once the station has officers, the gate moves on to sign-in by itself.
 */
export const firstRunOptions: FirstRunCard[] = [
  { key: 'demo', order: 10, demo: true, component: markRaw(defineAsyncComponent(() => import('./DemoStationOption.vue'))) },
  { key: 'admin', order: 20, component: markRaw(defineAsyncComponent(() => import('./FirstAdminOption.vue'))) },
  ...features.flatMap((f) => f.firstRunCards ?? []),
];

/** The cards this installation offers: no demo card on a provisioned station or where machine policy disables demo. */
export function offeredFirstRunOptions(demoAllowed: boolean): FirstRunCard[] {
  return firstRunOptions.filter((card) => demoAllowed || !card.demo).sort((a, b) => a.order - b.order);
}
