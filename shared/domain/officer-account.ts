import { z } from 'zod';
import { officerRef, role } from './officer';
import { PASSWORD_HISTORY } from './password-policy';

/** PBKDF2-SHA256 with a per-account salt; the iteration count is stored so it can be raised later. */
export const PBKDF2_ITERATIONS = 600_000;
/** Below this an imported or tampered row is refused rather than trusted. */
export const PBKDF2_MIN_ITERATIONS = 100_000;

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

export const passwordHash = z.object({
  algorithm: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().min(PBKDF2_MIN_ITERATIONS),
  salt: hex(16),
  hash: hex(32),
});
export type PasswordHash = z.infer<typeof passwordHash>;

/** A station's officer account (民警账号): who they are, what they may do, and how they sign in. */
export const officerAccount = officerRef.extend({
  /** `province:警号` (officerKey). */
  key: z.string(),
  roles: z.array(role).min(1),
  password: passwordHash,
  disabled: z.boolean(),
  /** Set when the admin resets the password: the officer chooses a new one at the next sign-in. */
  mustChangePassword: z.boolean(),
  failedAttempts: z.number().int().nonnegative(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastSignInAt: z.string().nullable(),
  /** When the password was last set; absent on accounts from before it was kept (then `createdAt` counts). */
  passwordChangedAt: z.string().optional(),
  /** Hashes of the previous passwords, newest first (PASSWORD_HISTORY - 1 at most): none may be chosen again. */
  passwordHistory: z.array(passwordHash).max(PASSWORD_HISTORY).optional(),
});
export type OfficerAccount = z.infer<typeof officerAccount>;
