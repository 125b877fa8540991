import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@renderer/app/demo/demo-officers';

/**
 * Issue 16 item 19: the README tells a newcomer how to run the app without Electron, how the first run works and
 * where the demo password is, that each station needs its own browser profile, and where the deployment guide is —
 * with the addresses and password the code actually uses, so the README cannot drift from them silently.
 */
const root = join(import.meta.dirname, '..', '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const webConfig = readFileSync(join(root, 'vite.web.config.ts'), 'utf8');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('README for a newcomer', () => {
  it('says how to run in a browser: dev:web at its address, build:web and how to serve the build', () => {
    const devPort = /server: \{[^}]*port: (\d+)/.exec(webConfig)?.[1];
    const previewPort = /YRD_WEB_PORT'\] \?\? (\d+)/.exec(webConfig)?.[1];
    expect(devPort).toBeDefined();
    expect(previewPort).toBeDefined();
    expect(packageJson.scripts['dev:web']).toBeDefined();
    expect(packageJson.scripts['build:web']).toBeDefined();
    expect(readme).toContain('`npm run dev:web`');
    expect(readme).toContain(`http://127.0.0.1:${devPort ?? ''}/`);
    expect(readme).toContain('`npm run build:web`');
    expect(readme).toContain('npx vite preview --config vite.web.config.ts');
    expect(readme).toContain(`http://127.0.0.1:${previewPort ?? ''}/`);
  });

  it('explains the first run (provisioning package or demo station) and gives the demo password the code uses', () => {
    expect(readme).toMatch(/provisioning package/i);
    expect(readme).toMatch(/demo station/i);
    expect(readme).toContain(`\`${DEMO_PASSWORD}\``);
  });

  it('says each station needs its own browser profile and links the deployment guide', () => {
    expect(readme).toMatch(/one browser profile per station/i);
    expect(readme).toContain('--user-data-dir');
    expect(readme).toContain('](docs/deploy.zh-CN.md)');
    expect(existsSync(join(root, 'docs', 'deploy.zh-CN.md'))).toBe(true);
  });
});
