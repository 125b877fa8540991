import { defineFeatureMessages } from '@renderer/platform/i18n';
import zhCN from './zh-CN';
import en from './en';

/** The migration messages, under the `migration` namespace (`t('migration.…')`). */
export default defineFeatureMessages({ namespace: 'migration', 'zh-CN': zhCN, en });
