import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { createAppI18n, initialLocale, rememberLocale } from '@renderer/platform/i18n';
import { createAppRouter } from './router';
import { closeDatabase, onDbProblem, openDatabase, useDbHealthStore } from '@renderer/platform/db';
import { createBrowserHost, installHost, preloadHost } from '@renderer/platform/host';
import { useStationStore } from '@renderer/platform/station';
import { unlockStationKey } from '@renderer/features/provisioning';
import { configureSync, startSync } from '@renderer/sync';
import { registerErrors } from '@renderer/platform/ui';
import { appAppliers, appErrors, appMessages } from './composition';
import '../styles.css';

async function start(): Promise<void> {
  // Inside Electron the preload's bridge; in a plain browser (dev:web, e2e) the browser host.
  installHost(preloadHost() ?? createBrowserHost());
  // A window going away lets go of the database at once, so another window's schema upgrade is not blocked.
  window.addEventListener('pagehide', closeDatabase);
  const pinia = createPinia();
  const app = createApp(App).use(pinia).use(createAppRouter()).use(createAppI18n(appMessages())).use(ElementPlus);
  rememberLocale(initialLocale());

  configureSync({ appliers: appAppliers() });
  registerErrors(...appErrors());

  const health = useDbHealthStore(pinia);
  onDbProblem((problem) => health.report(problem));
  try {
    const { persisted } = await openDatabase();
    health.setPersisted(persisted);
    await useStationStore(pinia).load();
    // The provisioned station key: unprotected once here, outside any transaction, for signing (provisioning).
    await unlockStationKey().catch(() => null);
    // Sync runs in the background from the start, not only while the 同步 page is open.
    void startSync().catch(() => undefined);
  } catch {
    // Already reported to the health store; the frame still mounts so the user sees why.
  }
  app.mount('#app');
}

void start();
