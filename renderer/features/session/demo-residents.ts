/**
 * The records feature's demo seeder, when that feature has one (renderer/features/records/service.ts exports
 * `seedDemoResidents`). Found at build time, so this feature does not depend on records being built.
 */
export type ProgressListener = (done: number, total: number) => void;
export type DemoResidentsSeeder = (options: { households: number; onProgress?: ProgressListener }) => Promise<unknown>;

export const DEMO_HOUSEHOLDS = 300;

export async function findDemoResidentsSeeder(): Promise<DemoResidentsSeeder | null> {
  const modules = import.meta.glob<Record<string, unknown>>('../records/service.ts');
  const load = Object.values(modules)[0];
  if (!load) return null;
  const seeder = (await load())['seedDemoResidents'];
  return typeof seeder === 'function' ? (seeder as DemoResidentsSeeder) : null;
}
