/** What counts as the officer being at the PC. */
export const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export interface IdleTracker {
  stop(): void;
}

/**
 * Calls `onIdle` once `timeoutMs` pass without activity on `target`. Activity only stamps a time (cheap on every
 * mouse move); a single timer checks the stamp when it fires and re-arms for the remainder.
 */
export function trackIdle(target: EventTarget, timeoutMs: number, onIdle: () => void, now: () => number = Date.now): IdleTracker {
  let last = now();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const touch = () => {
    last = now();
  };
  const check = () => {
    const remaining = last + timeoutMs - now();
    if (remaining > 0) {
      timer = setTimeout(check, remaining);
      return;
    }
    timer = null;
    onIdle();
  };
  for (const name of ACTIVITY_EVENTS) target.addEventListener(name, touch, { passive: true });
  timer = setTimeout(check, timeoutMs);
  return {
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      for (const name of ACTIVITY_EVENTS) target.removeEventListener(name, touch);
    },
  };
}
