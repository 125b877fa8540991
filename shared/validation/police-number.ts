import { z } from 'zod';

/** 警号: six digits, unique within one provincial public-security organisation. */
export const POLICE_NUMBER_PATTERN = /^\d{6}$/;

export function isPoliceNumber(value: string): boolean {
  return POLICE_NUMBER_PATTERN.test(value);
}

/** The message is a stable rule key (`policeNumber`); the UI words it in its language. */
export const policeNumber = z.string().regex(POLICE_NUMBER_PATTERN, 'policeNumber');
