import { z } from 'zod';
import type { OfficerAccount } from '@shared/domain/officer-account';
import { PASSWORD_MAX_AGE_DAYS, PASSWORD_MAX_AGE_RANGE, passwordExpired } from '@shared/domain/password-policy';
import type { StationIdentity } from '@shared/domain/station';
import { META_TABLE, db, defineMetaKey, guardedWrite, readMeta, writeMeta } from '@renderer/platform/db';
import { AUDIT_TABLE, appendAudit } from '@renderer/platform/audit';

/** 密码有效期 (days), set by the station admin in 设置; absent means PASSWORD_MAX_AGE_DAYS. */
export const passwordMaxAgeMeta = defineMetaKey(
  'session.passwordMaxAgeDays',
  z.number().int().min(PASSWORD_MAX_AGE_RANGE.min).max(PASSWORD_MAX_AGE_RANGE.max),
);

export async function readPasswordMaxAgeDays(): Promise<number> {
  return (await readMeta(passwordMaxAgeMeta)) ?? PASSWORD_MAX_AGE_DAYS;
}

/** The station admin's choice, with its audit entry in the same transaction (the caller checked the role). */
export async function savePasswordMaxAgeDays(station: StationIdentity, officer: string, days: number): Promise<void> {
  await guardedWrite(() =>
    db().transaction('rw', [META_TABLE, AUDIT_TABLE], async () => {
      await writeMeta(passwordMaxAgeMeta, days);
      await appendAudit({ station: station.code, officer, action: 'session.passwordPolicy', object: 'passwordMaxAgeDays', result: 'success', detail: `${days} days` });
    }),
  );
}

/** Whether the account's password is older than the station's period (an account from before it was kept counts from its creation). */
export function accountPasswordExpired(account: Pick<OfficerAccount, 'passwordChangedAt' | 'createdAt'>, maxAgeDays: number, now: Date): boolean {
  return passwordExpired(account.passwordChangedAt ?? account.createdAt, maxAgeDays, now);
}
