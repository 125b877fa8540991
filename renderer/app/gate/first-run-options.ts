import { defineAsyncComponent, markRaw } from 'vue';
import { features, type FirstRunCard } from '../features';

/**
 * The ways a fresh installation can get its first accounts, shown as cards on the first-run screen: the app's own
 * (demo station, first admin) and the features' (sync: pick a demo station; provisioning: import a package, restore a
 * backup). A card needs nothing from the screen: once the station has officers, the gate moves on to sign-in by itself.
 */
export const firstRunOptions: FirstRunCard[] = [
  { key: 'demo', order: 10, component: markRaw(defineAsyncComponent(() => import('./DemoStationOption.vue'))) },
  { key: 'admin', order: 20, component: markRaw(defineAsyncComponent(() => import('./FirstAdminOption.vue'))) },
  ...features.flatMap((f) => f.firstRunCards ?? []),
];
