import { readFileSync } from 'node:fs';
import type { BuildEnvironmentOptions, PluginOption } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

/**
 * What the renderer's two builds share (electron.vite.config.ts for Electron, vite.web.config.ts for the browser
 * host and e2e): the same plugins, so e2e tests and benches measure exactly what Electron loads.
 *
 * Element Plus per component: each SFC imports the `el-*` components its template uses (unplugin-vue-components
 * with Element Plus's resolver), so a page's components travel in that page's lazy chunk, not in the entry. Styles
 * stay the one prebuilt stylesheet main.ts imports (`importStyle: false`): it also styles ElMessage/ElMessageBox,
 * which are called from scripts, and CSS does not hold up the first script.
 */
export function rendererPlugins(): PluginOption[] {
  return [vue(), Components({ dts: false, dirs: [], resolvers: [ElementPlusResolver({ importStyle: false, directives: true })] })];
}

/**
 * The largest chunk we accept, in kB as Vite counts them (minified, before gzip). The warning is on: a chunk over it
 * is a bundle that lost its lazy loading. Today the largest are all lazy: ECharts ~510 (the report pages), the pinyin
 * dictionaries ~290 (first name written), the division names ~250 (first household written); the entry's vendor
 * chunk is ~220. 600 leaves room for ECharts and catches the entry's vendor chunk drawing back what it lost (it was
 * ~750 with pinyin, the division table and the frame's Element Plus components in it).
 */
export const RENDERER_CHUNK_LIMIT_KB = 600;

/**
 * Minified in both builds: electron-vite leaves the renderer unminified by default, so the app shipped twice the
 * bytes the bench measured — and Vite checks chunk sizes only on a minified build, so the warning never fired.
 */
export const rendererBuild = { minify: 'oxc', chunkSizeWarningLimit: RENDERER_CHUNK_LIMIT_KB } satisfies BuildEnvironmentOptions;

/**
 * The app's version as package.json states it, compiled into the renderer (设置 → 版本, diagnostics): the browser
 * host has no `app.getVersion()` to ask, and Electron's would say the same. Both builds and the unit tests use it.
 */
export function rendererDefine(): Record<string, string> {
  const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
  return { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(version) };
}
