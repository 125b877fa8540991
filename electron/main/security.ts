import type { Session, WebContents } from 'electron';
import { originOf } from './origin';

/** Deny every permission (camera, notifications, geolocation, …): the app needs none. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** The part of a navigation event the guard reads: Electron's `details` (the deprecated `url` argument is not used). */
interface NavigationDetails {
  url: string;
  preventDefault: () => void;
}

/** Called with each refused navigation's origin (main logs it; the full URL could carry data). */
export type RefusedNavigation = (kind: 'navigate' | 'redirect' | 'frame-navigate' | 'window-open' | 'webview', origin: string | null) => void;

const EMPTY_FRAME_URLS = new Set(['about:blank', 'about:srcdoc']);

/** No new windows, no navigation away from our own origins (top frame or any subframe), no <webview>. */
export function lockDownContents(
  contents: Pick<WebContents, 'setWindowOpenHandler' | 'on'>,
  allowedOrigins: readonly string[],
  onRefused: RefusedNavigation = () => undefined,
): void {
  contents.setWindowOpenHandler((details) => {
    onRefused('window-open', originOf(details.url));
    return { action: 'deny' };
  });
  const guard =
    (kind: 'navigate' | 'redirect' | 'frame-navigate') =>
    (details: NavigationDetails): void => {
      const origin = originOf(details.url);
      if (origin && allowedOrigins.includes(origin)) return;
      // A subframe's empty document is no navigation away (the CSP keeps frames to our own origin anyway).
      if (kind === 'frame-navigate' && EMPTY_FRAME_URLS.has(details.url)) return;
      details.preventDefault();
      onRefused(kind, origin);
    };
  contents.on('will-navigate', guard('navigate'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-frame-navigate', guard('frame-navigate'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onRefused('webview', null);
  });
}
