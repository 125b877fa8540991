import { defineFeatureMessages } from '@renderer/platform/i18n';
import zhCN from './zh-CN';
import en from './en';

/** The 协查 messages, under the `assist` namespace (`t('assist.…')`). */
export default defineFeatureMessages({ namespace: 'assist', 'zh-CN': zhCN, en });
