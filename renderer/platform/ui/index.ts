export { default as DbProblemBanner } from './DbProblemBanner.vue';
export { useLatestSearch } from './use-latest-search';
export type { NavEntry } from './route-meta';
