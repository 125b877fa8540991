import { defineFeatureMessages } from '@renderer/platform/i18n';
import zhCN from './zh-CN';
import en from './en';

/** The session messages, under the `session` namespace (`t('session.…')`). */
export default defineFeatureMessages({ namespace: 'session', 'zh-CN': zhCN, en });
