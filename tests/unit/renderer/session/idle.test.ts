// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserHost, installHost } from '@renderer/platform/host';
import { trackIdle } from '@renderer/platform/session/idle';
import { loadSession } from '@renderer/platform/session/persistence';
import { useSessionStore } from '@renderer/platform/session/store';
import { addOfficer, freshState, PASSWORD } from './helpers';

describe('idle lock', () => {
  afterEach(() => vi.useRealTimers());

  it('fires after the timeout without activity, and activity pushes it back', () => {
    vi.useFakeTimers();
    const target = new EventTarget();
    const onIdle = vi.fn();
    const tracker = trackIdle(target, 10 * 60_000, onIdle);
    vi.advanceTimersByTime(9 * 60_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(9 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    target.dispatchEvent(new Event('pointermove'));
    vi.advanceTimersByTime(10 * 60_000 - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(60 * 60_000);
    expect(onIdle).toHaveBeenCalledOnce();
    tracker.stop();
  });

  it('stops listening once stopped', () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    trackIdle(new EventTarget(), 1000, onIdle).stop();
    vi.advanceTimersByTime(5000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});

describe('session across a reload', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    await freshState();
    installHost(createBrowserHost());
  });
  afterEach(freshState);

  it('restores the officer, still locked if the screen was locked; a disabled account is not restored', async () => {
    await addOfficer('100001', ['window']);
    const before = useSessionStore();
    await before.signIn('100001', PASSWORD);
    await before.lock('idle');
    expect(await loadSession()).toEqual({ kind: 'valid', key: '310000:100001', locked: true });

    await freshPinia();
    const after = useSessionStore();
    await after.restore();
    expect(after.officer?.ref.policeNumber).toBe('100001');
    expect(after.locked).toBe(true);

    const { officersTable } = await import('@renderer/platform/session/officers-table');
    await officersTable().update('310000:100001', { disabled: true });
    await freshPinia();
    const again = useSessionStore();
    await again.restore();
    expect(again.officer).toBeNull();
    expect(await loadSession()).toEqual({ kind: 'none' });
  });
});

async function freshPinia(): Promise<void> {
  const { createPinia, setActivePinia } = await import('pinia');
  setActivePinia(createPinia());
}
