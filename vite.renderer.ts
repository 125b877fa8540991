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
 * The largest chunk we accept, in kB as Vite counts them (minified, before gzip; the largest today, the entry's vendor chunk, is ~750). The warning is on: a chunk over it is a bundle
 * that lost its lazy loading (ECharts, the division table, pinyin dictionaries belong in their own chunks).
 */
export const RENDERER_CHUNK_LIMIT_KB = 900;

export const rendererBuild = { chunkSizeWarningLimit: RENDERER_CHUNK_LIMIT_KB } satisfies BuildEnvironmentOptions;
