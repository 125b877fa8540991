import { defineFeatureMessages } from '@renderer/platform/i18n';
import zhCN from './zh-CN';
import en from './en';

/** The records messages, under the `records` namespace (`t('records.…')`). */
export default defineFeatureMessages({ namespace: 'records', 'zh-CN': zhCN, en });
