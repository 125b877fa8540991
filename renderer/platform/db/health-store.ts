import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { DbProblem } from './errors';

/** Storage state the frame shows: whether the browser granted persistence and the current problem, if any. */
export const useDbHealthStore = defineStore('dbHealth', () => {
  const persisted = ref<boolean | null>(null);
  const problem = ref<DbProblem | null>(null);

  function report(next: DbProblem): void {
    problem.value = next;
  }
  function clear(): void {
    problem.value = null;
  }
  function setPersisted(value: boolean): void {
    persisted.value = value;
  }
  return { persisted, problem, report, clear, setPersisted };
});
