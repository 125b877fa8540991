import { markRaw, type Component } from 'vue';
import { Connection, Document, Guide, Setting, Switch, Tickets, User } from '@element-plus/icons-vue';
import type { Action } from '@shared/domain/permissions';

export interface NavItem {
  key: 'records' | 'migration' | 'patrol' | 'sync' | 'settings' | 'officers' | 'audit';
  path: string;
  icon: Component;
  /** Shown only to officers whose roles allow this action (the page itself still refuses and audits). */
  requires?: Action;
}

/** The main navigation, in the order window staff use it. Labels come from i18n `nav.<key>`. */
export const navigation: NavItem[] = [
  { key: 'records', path: '/records', icon: markRaw(Document) },
  { key: 'migration', path: '/migration', icon: markRaw(Switch) },
  { key: 'patrol', path: '/patrol', icon: markRaw(Guide) },
  { key: 'sync', path: '/sync', icon: markRaw(Connection) },
  { key: 'officers', path: '/officers', icon: markRaw(User), requires: 'officer.manage' },
  { key: 'audit', path: '/audit', icon: markRaw(Tickets), requires: 'audit.view' },
  { key: 'settings', path: '/settings', icon: markRaw(Setting) },
];
