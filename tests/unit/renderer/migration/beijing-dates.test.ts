import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate, beijingDateTime } from '@shared/domain/beijing-time';
import { defaultTimeLimits, workingDayDeadline } from '@shared/migration/deadlines';
import { formatTime } from '@renderer/features/migration/labels';

/**
 * Issue 16 §10: deadlines and document dates read on a Beijing clock whatever the PC's zone. This file runs on
 * a PC set to UTC (and then to a zone west of it): vitest runs each file in its own process, and Node takes a new
 * TZ at once.
 */
const zoneBefore = process.env['TZ'];
beforeAll(() => {
  process.env['TZ'] = 'UTC';
});
afterAll(() => {
  if (zoneBefore === undefined) delete process.env['TZ'];
  else process.env['TZ'] = zoneBefore;
});

describe('dates on documents and deadlines on a UTC PC', () => {
  it('really runs in UTC', () => {
    expect(new Date('2026-12-03T15:59:00Z').getHours()).toBe(15);
  });

  it('shows a deadline at the end of the Beijing working day (23:59), not 15:59', () => {
    // Received Wednesday 2 Dec 2026 at 10:00 Beijing: one working day → Thursday 3 Dec 23:59:59 Beijing.
    const deadline = workingDayDeadline('2026-12-02T02:00:00Z', 1, defaultTimeLimits);
    expect(deadline).toBe('2026-12-03T15:59:59.999Z');
    expect(formatTime(deadline)).toBe('2026-12-03 23:59');
  });

  it('prints the Beijing date of an instant recorded after 16:00 UTC (the next day in Beijing)', () => {
    expect(beijingDate('2026-12-02T17:30:00.000Z')).toBe('2026-12-03');
    expect(beijingDateTime('2026-12-02T17:30:00.000Z')).toBe('2026-12-03 01:30');
    expect(formatTime('2026-12-02T17:30:00.000Z')).toBe('2026-12-03 01:30');
  });

  it('gives the same figures on a PC west of UTC', () => {
    process.env['TZ'] = 'America/Los_Angeles';
    try {
      expect(new Date('2026-12-03T15:59:00Z').getHours()).toBe(7);
      expect(formatTime('2026-12-03T15:59:59.999Z')).toBe('2026-12-03 23:59');
      expect(beijingDate('2026-12-02T17:30:00.000Z')).toBe('2026-12-03');
    } finally {
      process.env['TZ'] = 'UTC';
    }
  });
});
