import { beijingDate } from '@shared/migration/deadlines';

/**
 * The feature's notion of "now": the system clock, read in one place so every deadline check agrees.
 * Tests move it with fake timers (`vi.setSystemTime`), e2e tests with the browser's clock.
 */
export function migrationNow(): Date {
  return new Date();
}

export function migrationToday(): string {
  return beijingDate(migrationNow());
}
