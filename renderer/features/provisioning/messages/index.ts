import { defineFeatureMessages } from '@renderer/platform/i18n';
import zhCN from './zh-CN';
import en from './en';

/** The provisioning messages, under the `provisioning` namespace (`t('provisioning.…')`). */
export default defineFeatureMessages({ namespace: 'provisioning', 'zh-CN': zhCN, en });
