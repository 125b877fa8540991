import { ref, type Ref } from 'vue';

/**
 * A remote search behind a select box (household pickers): every keystroke starts a search and the answers can
 * come back out of order. Only the answer to the newest query is shown, so a slower answer to an older, broader
 * query never replaces the list the officer is about to click in.
 */
export function useLatestSearch<T>(search: (text: string) => Promise<T[]>): { options: Ref<T[]>; loading: Ref<boolean>; run(text: string): Promise<void> } {
  const options = ref([]) as Ref<T[]>;
  const loading = ref(false);
  let latest = 0;

  async function run(text: string): Promise<void> {
    latest += 1;
    const ticket = latest;
    loading.value = true;
    try {
      const found = await search(text);
      if (ticket === latest) options.value = found;
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  return { options, loading, run };
}
