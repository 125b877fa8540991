import { defineFeatureMessages } from '@renderer/platform/i18n';
import zhCN from './zh-CN';
import en from './en';

/** The audit messages, under the `audit` namespace (`t('audit.…')`). */
export default defineFeatureMessages({ namespace: 'audit', 'zh-CN': zhCN, en });
