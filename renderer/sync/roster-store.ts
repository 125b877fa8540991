import { defineStore } from 'pinia';
import { recipientGroups } from '@shared/sync/event';
import { computed, ref } from 'vue';
import { liveQuery, type Subscription } from 'dexie';
import { neighboursOf, signedRoster, type RosterStation, type SignedRoster } from '@shared/sync/roster';
import { db } from '@renderer/platform/db';
import { useStationStore } from '@renderer/platform/station';
import { EVENT_LOG_TABLES, appendEvent } from './event-log';
import { acceptRoster, loadTrust, type Trust } from './trust';

export type { RosterStation } from '@shared/sync/roster';

/** The trust roster as the UI and features see it: every station, lookup by code, and our neighbours. */
export const useRosterStore = defineStore('syncRoster', () => {
  const signed = ref<SignedRoster | null>(null);
  const rootPublicKey = ref<string | null>(null);
  const loaded = ref(false);
  const station = useStationStore();

  const stations = computed<RosterStation[]>(() => signed.value?.roster.stations ?? []);
  const version = computed(() => signed.value?.roster.version ?? 0);
  const groups = computed(() => signed.value?.roster.groups ?? []);
  const neighbours = computed<RosterStation[]>(() =>
    signed.value ? neighboursOf(signed.value.roster, station.identity.code) : [],
  );

  function byCode(code: string): RosterStation | undefined {
    return stations.value.find((s) => s.code === code);
  }

  function isNeighbour(code: string): boolean {
    return neighbours.value.some((s) => s.code === code);
  }

  function take(trust: Trust): void {
    signed.value = trust.roster;
    rootPublicKey.value = trust.rootPublicKey;
    loaded.value = true;
  }

  /**
   * After the first load the store follows the stored trust: a roster taken through sync (a neighbour's
   * `roster.updated`, applied by the inbox) shows at once on every page, without a reload.
   */
  let watching: Subscription | null = null;
  function follow(): void {
    if (watching && !watching.closed) return;
    watching = liveQuery(() => loadTrust(db())).subscribe({ next: take, error: () => undefined });
  }

  async function load(): Promise<void> {
    take(await loadTrust(db()));
    follow();
  }

  /** Stops following (the database is about to close, e.g. a restore or a test's teardown). */
  function unfollow(): void {
    watching?.unsubscribe();
    watching = null;
  }

  /**
   * Offers a roster (e.g. from a provisioning package); kept only when newer and root-signed. With `officer`
   * (`province:警号`), an accepted roster is also forwarded to our neighbours as a `roster.updated` event, so a
   * station that gets it first passes it on over the exchange or in a bundle.
   */
  async function offer(candidate: unknown, officer?: string): Promise<boolean> {
    const check = await acceptRoster(db(), candidate);
    if (!check.ok) return false;
    await load();
    const peers = neighbours.value.map((s) => s.code);
    if (officer && peers.length > 0) {
      await db().transaction('rw', [...EVENT_LOG_TABLES], async () => {
        for (const group of recipientGroups(peers)) await appendEvent({ type: 'roster.updated', aggregateId: 'roster', recipients: group, payload: signedRoster.parse(candidate), officer });
      });
    }
    return true;
  }

  return { signed, rootPublicKey, loaded, stations, version, groups, neighbours, byCode, isNeighbour, load, unfollow, offer };
});
