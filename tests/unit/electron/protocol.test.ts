import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppPath } from '../../../electron/main/protocol';

const root = '/opt/yrd/resources/app.asar/out/renderer';

describe('app:// path guard', () => {
  it('serves index.html for the bare origin and files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://station/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://station/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
    expect(resolveAppPath(root, 'app://station/assets/a%20b.css')).toBe(join(root, 'assets/a b.css'));
  });

  it.each(['app://station/../../etc/passwd', 'app://station/%2e%2e/%2e%2e/etc/passwd', 'app://station/assets/../../../x'])(
    'keeps %s inside the renderer folder',
    (url) => {
      const resolved = resolveAppPath(root, url);
      expect(resolved === null || resolved.startsWith(`${root}/`)).toBe(true);
    },
  );

  it.each([
    'app://station/assets/%2E%2E%2F%2E%2E%2Fsecret',
    'app://station/..%5c..%5cwindows%5csystem32',
    'app://station/a%00.js',
    'app://station/%E0%A4%A',
    'app://other-host/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('gives scripts and styles their real types so the CSP and module loader accept them', () => {
    expect(mimeTypeFor('/x/index.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/a.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/x/blob')).toBe('application/octet-stream');
  });
});
