import { markRaw, type Component } from 'vue';
import { Connection, Document, Guide, Setting, Switch } from '@element-plus/icons-vue';

export interface NavItem {
  key: 'records' | 'migration' | 'patrol' | 'sync' | 'settings';
  path: string;
  icon: Component;
}

/** The main navigation, in the order window staff use it. Labels come from i18n `nav.<key>`. */
export const navigation: NavItem[] = [
  { key: 'records', path: '/records', icon: markRaw(Document) },
  { key: 'migration', path: '/migration', icon: markRaw(Switch) },
  { key: 'patrol', path: '/patrol', icon: markRaw(Guide) },
  { key: 'sync', path: '/sync', icon: markRaw(Connection) },
  { key: 'settings', path: '/settings', icon: markRaw(Setting) },
];
