import { defineFeatureMessages } from '@renderer/platform/i18n';
import zhCN from './zh-CN';
import en from './en';

/** The patrol messages, under the `patrol` namespace (`t('patrol.…')`). */
export default defineFeatureMessages({ namespace: 'patrol', 'zh-CN': zhCN, en });
