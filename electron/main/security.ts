import type { Session, WebContents } from 'electron';
import { originOf } from './origin';

/** Deny every permission (camera, notifications, geolocation, …): the app needs none. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** No new windows, no navigation away from our own origins, no <webview>. */
export function lockDownContents(
  contents: Pick<WebContents, 'setWindowOpenHandler' | 'on'>,
  allowedOrigins: readonly string[],
): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guard = (event: { preventDefault: () => void }, url: string): void => {
    const origin = originOf(url);
    if (!origin || !allowedOrigins.includes(origin)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
