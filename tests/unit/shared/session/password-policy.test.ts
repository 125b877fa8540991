import { describe, expect, it } from 'vitest';
import { passwordProblems } from '@shared/domain/password-policy';
import { afterFailedAttempt, cleared, isLockedOut, LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS } from '@shared/domain/sign-in-policy';

describe('password policy', () => {
  const ctx = { policeNumber: '123456' };

  it('accepts a long password of three kinds that does not contain the police number', () => {
    expect(passwordProblems('Station#2026', ctx)).toEqual([]);
    expect(passwordProblems('abcdef12#', ctx)).toEqual([]);
  });

  it('names every problem at once', () => {
    expect(passwordProblems('abc', ctx)).toEqual(['tooShort', 'tooFewKinds']);
    expect(passwordProblems('abcdefgh12', ctx)).toEqual(['tooFewKinds']);
    expect(passwordProblems('Ab#123456x', ctx)).toEqual(['containsPoliceNumber']);
    expect(passwordProblems('Ab# 12345x', ctx)).toEqual(['whitespace']);
    expect(passwordProblems(`Aa1#${'x'.repeat(61)}`, ctx)).toEqual(['tooLong']);
  });

  it('refuses the current password as the new one', () => {
    expect(passwordProblems('Station#2026', { ...ctx, current: 'Station#2026' })).toEqual(['sameAsCurrent']);
    expect(passwordProblems('Station#2027', { ...ctx, current: 'Station#2026' })).toEqual([]);
  });
});

describe('sign-in lockout policy', () => {
  const now = new Date('2026-11-23T08:00:00Z');

  it(`locks after ${MAX_FAILED_ATTEMPTS} failures in a row, for ${LOCKOUT_MINUTES} minutes`, () => {
    let state = cleared;
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i += 1) {
      state = afterFailedAttempt(state, now);
      expect(state).toEqual({ failedAttempts: i, lockedUntil: null });
      expect(isLockedOut(state, now)).toBe(false);
    }
    state = afterFailedAttempt(state, now);
    expect(state.lockedUntil).toBe('2026-11-23T08:15:00.000Z');
    expect(isLockedOut(state, now)).toBe(true);
    expect(isLockedOut(state, new Date('2026-11-23T08:14:59Z'))).toBe(true);
    expect(isLockedOut(state, new Date('2026-11-23T08:15:00Z'))).toBe(false);
  });

  it('starts counting afresh once a lock has run out', () => {
    const locked = { failedAttempts: 5, lockedUntil: '2026-11-23T08:15:00.000Z' };
    expect(afterFailedAttempt(locked, new Date('2026-11-23T09:00:00Z'))).toEqual({ failedAttempts: 1, lockedUntil: null });
  });
});
