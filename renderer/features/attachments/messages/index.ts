import { defineFeatureMessages } from '@renderer/platform/i18n';
import zhCN from './zh-CN';
import en from './en';

/** The attachments messages, under the `attachments` namespace (`t('attachments.…')`). */
export default defineFeatureMessages({ namespace: 'attachments', 'zh-CN': zhCN, en });
