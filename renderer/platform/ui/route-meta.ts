import type { Component } from 'vue';
import type { Action } from '@shared/domain/permissions';

/**
 * A feature's entry in the main navigation, declared on its top route (`meta.nav`); the frame builds the menu from
 * the routes, so adding a feature touches no central list. The label is i18n `nav.<key>`.
 */
export interface NavEntry {
  key: string;
  /** Lower comes first: the order window staff use the pages in. */
  order: number;
  icon: Component;
  /** Shown only to officers whose roles allow this action (the page itself still refuses and audits). */
  requires?: Action;
}

declare module 'vue-router' {
  interface RouteMeta {
    nav?: NavEntry;
  }
}
