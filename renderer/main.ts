import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { createAppI18n, initialLocale, rememberLocale } from './i18n';
import { createAppRouter } from './router';
import { onDbProblem, openDatabase } from './db';
import { useDbHealthStore } from './db/health-store';
import { useStationStore } from './features/station/store';
import { unlockStationKey } from './features/provisioning/provisioning';
import { startSync } from './sync/service';
import './styles.css';

async function start(): Promise<void> {
  const pinia = createPinia();
  const app = createApp(App).use(pinia).use(createAppRouter()).use(createAppI18n()).use(ElementPlus);
  rememberLocale(initialLocale());

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
