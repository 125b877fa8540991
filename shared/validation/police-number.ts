import { z } from 'zod';

/** 警号: six digits, unique within one provincial public-security organisation. */
export const POLICE_NUMBER_PATTERN = /^\d{6}$/;

export function isPoliceNumber(value: string): boolean {
  return POLICE_NUMBER_PATTERN.test(value);
}

export const policeNumber = z.string().regex(POLICE_NUMBER_PATTERN, '警号应为6位数字');
