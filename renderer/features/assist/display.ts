import { onBeforeUnmount, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import dayjs from 'dayjs';
import { deadlinesOf, nextDeadline, overdue, type DeadlineKind } from '@shared/assist/deadlines';
import { addresseeOf, type AddresseeState, type RequestRow } from '@shared/assist/state';
import { useRosterStore } from '@renderer/sync';
import { assistNow } from './clock';
import { useAssistStore } from './store';

/** "Now" for the lists, ticking so time left and overdue marks move without a reload. */
export function useTicker(ms = 15_000): Ref<Date> {
  const now = ref(assistNow());
  const timer = setInterval(() => (now.value = assistNow()), ms);
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}

/** Words and figures the 协查 screens share: station names, times, durations, deadlines per addressee. */
export function useAssistDisplay() {
  const { t } = useI18n();
  const roster = useRosterStore();
  const assist = useAssistStore();

  const stationName = (code: string): string => roster.byCode(code)?.name ?? code;
  const time = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('MM-DD HH:mm') : '');
  function duration(ms: number): string {
    const minutes = Math.max(0, Math.round(ms / 60_000));
    if (minutes < 60) return t('assist.duration.minutes', { m: minutes });
    if (minutes < 48 * 60) return t('assist.duration.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
    return t('assist.duration.days', { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60) });
  }

  function deadlinesFor(row: RequestRow, a: AddresseeState) {
    return deadlinesOf(row.request, new Date(a.addedAt), assist.limits);
  }
  function lateOf(row: RequestRow, a: AddresseeState, now: Date): DeadlineKind[] {
    return overdue(a, deadlinesFor(row, a), now, row.status === 'closed');
  }
  /** The addressee's next deadline as words (time left, or overdue by), and ms left (negative when overdue). */
  function nextOf(row: RequestRow, station: string, now: Date): { text: string; left: number; late: boolean } {
    const a = addresseeOf(row, station);
    if (!a || row.status === 'closed') return { text: '', left: Number.POSITIVE_INFINITY, late: false };
    const next = nextDeadline(a, deadlinesFor(row, a));
    if (!next) return { text: t('assist.deadline.none'), left: Number.POSITIVE_INFINITY, late: false };
    const left = next.at.getTime() - now.getTime();
    const kind = t(`assist.deadline.${next.kind}`);
    return left >= 0 ? { text: t('assist.deadline.left', { kind, time: duration(left) }), left, late: false } : { text: t('assist.deadline.overdue', { kind, time: duration(-left) }), left, late: true };
  }
  return { stationName, time, duration, lateOf, nextOf };
}
