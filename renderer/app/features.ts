import type { Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import type { FeatureMessages } from '@renderer/platform/i18n';
import type { ErrorTranslator } from '@renderer/platform/ui';
import type { FeatureAppliers } from '@renderer/sync';
import { attachmentsFeature } from '@renderer/features/attachments';
import { assistFeature } from '@renderer/features/assist';
import { auditFeature } from '@renderer/features/audit';
import { documentsFeature } from '@renderer/features/documents';
import { migrationFeature } from '@renderer/features/migration';
import { officersFeature } from '@renderer/features/officers';
import { patrolFeature } from '@renderer/features/patrol';
import { provisioningFeature } from '@renderer/features/provisioning';
import { recordsFeature } from '@renderer/features/records';
import { settingsFeature } from '@renderer/features/settings';
import { syncFeature } from '@renderer/features/sync';

/** A way to set up a fresh installation, shown as a card on the first-run screen. Lower `order` comes first. */
export interface FirstRunCard {
  key: string;
  order: number;
  component: Component;
  /** A demo card: shown only where a demo station may be chosen (unprovisioned, not disabled by machine policy). */
  demo?: boolean;
}

/** What a feature gives the composition root: its routes (with `meta.nav`), messages, error words, sync appliers, first-run cards. */
export interface AppFeature {
  routes: RouteRecordRaw[];
  /** Its messages, as a loader: they load after the first screen (app/feature-messages.ts). */
  messages?: () => Promise<FeatureMessages<unknown>>;
  /** Its error classes → i18n keys (`describeError`, `fieldErrors`). */
  errors?: ErrorTranslator;
  appliers?: FeatureAppliers;
  firstRunCards?: FirstRunCard[];
}

/** Every feature of the app. The one list: routes, navigation, messages and appliers are derived from it. */
export const features: readonly AppFeature[] = [
  recordsFeature,
  migrationFeature,
  documentsFeature,
  patrolFeature,
  assistFeature,
  syncFeature,
  officersFeature,
  auditFeature,
  settingsFeature,
  provisioningFeature,
  attachmentsFeature,
];
