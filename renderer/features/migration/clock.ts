import { beijingDate } from '@shared/migration/deadlines';

/**
 * The feature's notion of "now", injectable so expiry can be tested without waiting 40 days
 * (unit tests call setMigrationClock; e2e tests move the browser's clock).
 */
let source: () => Date = () => new Date();

export function migrationNow(): Date {
  return source();
}

export function migrationToday(): string {
  return beijingDate(source());
}

export function setMigrationClock(next: (() => Date) | null): void {
  source = next ?? (() => new Date());
}
