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
  } catch {
    // Already reported to the health store; the frame still mounts so the user sees why.
  }
  app.mount('#app');
}

void start();
