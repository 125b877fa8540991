import { defineFeatureMessages } from '@renderer/platform/i18n';
import zhCN from './zh-CN';
import en from './en';

/** The forms module's messages, under the `forms` namespace (`t('forms.…')`); registered by the composition root. */
export default defineFeatureMessages({ namespace: 'forms', 'zh-CN': zhCN, en });
