import { db } from '@renderer/platform/db';
import type { OfficerAccount } from '@shared/domain/officer-account';

/** 民警账号 (schema version 4), keyed by `province:警号`. */
export const OFFICERS_TABLE = 'officers';
export const officersTable = () => db().table<OfficerAccount, string>(OFFICERS_TABLE);
