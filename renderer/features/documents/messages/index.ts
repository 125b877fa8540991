import { defineFeatureMessages } from '@renderer/platform/i18n';
import zhCN from './zh-CN';
import en from './en';

/** The documents messages, under the `documents` namespace (`t('documents.…')`). */
export default defineFeatureMessages({ namespace: 'documents', 'zh-CN': zhCN, en });
