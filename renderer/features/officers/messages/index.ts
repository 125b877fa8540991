import { defineFeatureMessages } from '@renderer/platform/i18n';
import zhCN from './zh-CN';
import en from './en';

/** The officers messages, under the `officers` namespace (`t('officers.…')`). */
export default defineFeatureMessages({ namespace: 'officers', 'zh-CN': zhCN, en });
