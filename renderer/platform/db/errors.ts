/** What went wrong with storage, in terms the frame can explain to the user. */
export type DbProblem = 'quota' | 'blocked' | 'versionchange' | 'unavailable' | 'dataKey';

interface ErrorLike {
  name?: unknown;
  inner?: unknown;
  cause?: unknown;
}

function namesOf(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 4) return [];
  const e = error as ErrorLike;
  const own = typeof e.name === 'string' ? [e.name] : [];
  return [...own, ...namesOf(e.inner, depth + 1), ...namesOf(e.cause, depth + 1)];
}

/**
 * Finds a quota failure however IndexedDB and Dexie wrapped it: a plain QuotaExceededError, Dexie's
 * QuotaExceededError, or an AbortError whose inner error (the transaction's cause) is the quota.
 */
export function isQuotaError(error: unknown): boolean {
  return namesOf(error).includes('QuotaExceededError');
}

export function classifyDbError(error: unknown): DbProblem | null {
  if (isQuotaError(error)) return 'quota';
  const names = namesOf(error);
  // The data key is not unlocked or does not open the rows (data-key.ts): 无法解锁本站数据.
  if (names.includes('DataKeyError')) return 'dataKey';
  if (names.includes('VersionChangeError') || names.includes('DatabaseClosedError')) return 'versionchange';
  if (names.includes('OpenFailedError') || names.includes('MissingAPIError') || names.includes('InvalidStateError')) return 'unavailable';
  return null;
}
