import { defineFeatureMessages } from '@renderer/platform/i18n';
import zhCN from './zh-CN';
import en from './en';

/** The sync messages, under the `sync` namespace (`t('sync.…')`). */
export default defineFeatureMessages({ namespace: 'sync', 'zh-CN': zhCN, en });
