import { computed, type Ref } from 'vue';
import { can } from '@shared/domain/permissions';
import { useLiveQuery } from '@renderer/platform/db';
import { officersTable } from '@renderer/platform/session';
import { requestsTable, type StoredRequest } from './tables';

/** Every request held here, newest first (the lists filter and sort them; a station holds hundreds, not millions). */
export function useRequests(): Ref<StoredRequest[]> {
  const { value } = useLiveQuery(() => requestsTable().orderBy('raisedAt').reverse().toArray());
  return computed(() => value.value ?? []);
}

/** The open requests: what the watch-list and the 特急 banner are derived from. */
export function useOpenRequests(): Ref<StoredRequest[]> {
  const { value } = useLiveQuery(() => requestsTable().where('status').equals('open').toArray());
  return computed(() => value.value ?? []);
}

export function useRequest(id: Ref<string>): { row: Ref<StoredRequest | null | undefined> } {
  const { value } = useLiveQuery(async () => (await requestsTable().get(id.value)) ?? null, [id]);
  return { row: value };
}

/** This station's enabled officers who may answer requests: whom a request can be handed to (交办). */
export function useColleagues(): Ref<{ key: string; name: string; policeNumber: string }[]> {
  const { value } = useLiveQuery(async () =>
    (await officersTable().toArray())
      .filter((o) => !o.disabled && can(o.roles, 'assist.answer'))
      .map((o) => ({ key: o.key, name: o.name, policeNumber: o.policeNumber })),
  );
  return computed(() => value.value ?? []);
}
