/**
 * The renderer is always served from one fixed origin, so IndexedDB (the station's data) never moves.
 * Changing these values would orphan every station's database: don't.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'station';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Origins whose top frame may call the bridge: ours, plus the electron-vite dev server in development. */
export function trustedOrigins(devServerUrl: string | undefined): string[] {
  const origins = [APP_ORIGIN];
  if (devServerUrl) origins.push(new URL(devServerUrl).origin);
  return origins;
}

/** `new URL('app://station/x').origin` is "null" for non-special schemes, so compare scheme and host ourselves. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}
