import { defineAsyncComponent, markRaw, type Component } from 'vue';

/**
 * The ways a fresh installation can get its first accounts, shown as cards on the first-run screen. Other features
 * add theirs here (e.g. provisioning: import a station package; sync: pick a demo station of the demo network).
 * A card needs nothing from the screen: once the station has officers, the gate moves on to sign-in by itself.
 */
export interface FirstRunOption {
  key: string;
  /** Lower comes first. */
  order: number;
  component: Component;
}

export const firstRunOptions: FirstRunOption[] = [
  // sync: which station of the demo network this PC plays (before loading the demo officers for it).
  { key: 'demoNetwork', order: 5, component: markRaw(defineAsyncComponent(() => import('@renderer/features/sync/components/DemoStationPicker.vue'))) },
  { key: 'demo', order: 10, component: markRaw(defineAsyncComponent(() => import('./components/DemoStationOption.vue'))) },
  { key: 'admin', order: 20, component: markRaw(defineAsyncComponent(() => import('./components/FirstAdminOption.vue'))) },
  // provisioning (issue 7): a real station imports its package before creating its admin; a new PC restores a backup.
  { key: 'package', order: 5, component: markRaw(defineAsyncComponent(() => import('@renderer/features/provisioning/components/ImportPackageOption.vue'))) },
  { key: 'restore', order: 30, component: markRaw(defineAsyncComponent(() => import('@renderer/features/provisioning/components/RestoreBackupOption.vue'))) },
];
