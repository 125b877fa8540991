import { createApp } from 'vue';
import { createPinia } from 'pinia';
// Element Plus components are imported per SFC (vite.renderer.ts); its styles are this one stylesheet.
import 'element-plus/dist/index.css';
import App from './App.vue';
import { createAppI18n, initialLocale, rememberLocale } from '@renderer/platform/i18n';
import { createAppRouter } from './router';
import { closeDatabase, onDbProblem, openDatabase, unlockDataKey, unlockDataKeyBeforeOpen, useDbHealthStore } from '@renderer/platform/db';
import { createBrowserHost, installHost, preloadHost, useMachinePoliciesStore } from '@renderer/platform/host';
import { useStationStore } from '@renderer/platform/station';
import { unlockStationKey } from '@renderer/features/provisioning';
import { startAuditCheckpoints } from '@renderer/features/audit';
import { checkClientVersion, configureSync, startSync } from '@renderer/sync';
import { registerErrors } from '@renderer/platform/ui';
import { appAppliers, appErrors, platformMessages } from './composition';
import { useFeatureMessagesIn } from './feature-messages';
import '../styles.css';

async function start(): Promise<void> {
  // Inside Electron the preload's bridge; in a plain browser (dev:web, e2e) the browser host.
  installHost(preloadHost() ?? createBrowserHost());
  // A window going away lets go of the database at once, so another window's schema upgrade is not blocked.
  window.addEventListener('pagehide', closeDatabase);
  const pinia = createPinia();
  // Machine policies first: they decide the language, the idle lock and the exchange before anything reads them.
  const policies = await useMachinePoliciesStore(pinia).load();
  const locale = policies.policies.uiLanguage ?? initialLocale();
  const i18n = createAppI18n(platformMessages(), locale);
  const app = createApp(App).use(pinia).use(createAppRouter(pinia)).use(i18n);
  // The features' messages load when the frame or the first-run screen first shows, not with the sign-in screen.
  useFeatureMessagesIn(i18n);
  // A language fixed by policy is not remembered as the user's choice: it goes away with the policy.
  if (policies.policies.uiLanguage) document.documentElement.lang = locale;
  else rememberLocale(locale);

  configureSync({ appliers: appAppliers() });
  registerErrors(...appErrors());

  const health = useDbHealthStore(pinia);
  onDbProblem((problem) => health.report(problem));
  try {
    // A schema upgrade may rewrite sealed rows, so the stored data key is held before the database opens.
    await unlockDataKeyBeforeOpen();
    const { persisted } = await openDatabase();
    health.setPersisted(persisted);
    // Personal fields are sealed at rest: the data key is unprotected (or created) before anything reads them.
    await unlockDataKey();
    await useStationStore(pinia).load();
    // The provisioned station key: unprotected once here, outside any transaction, for signing (provisioning).
    await unlockStationKey().catch(() => null);
    // Sync runs in the background from the start, not only while the 同步 page is open.
    void startSync().catch(() => undefined);
    // Audit checkpoints leave for the neighbours every few hundred entries, every few hours and at sign-out.
    await startAuditCheckpoints(pinia);
    // Below the roster's minimum client version, the frame and the 同步 page say who to ask for the new MSI.
    void checkClientVersion().catch(() => undefined);
  } catch {
    // Already reported to the health store; the frame still mounts so the user sees why.
  }
  app.mount('#app');
}

void start();
