import { z } from 'zod';
import { provinceCode } from './province';

/** 12-digit public-security organisation code of a station (派出所机构代码); its first 6 digits are the district. */
export const stationCode = z.string().regex(/^\d{12}$/, 'station code is 12 digits');
export type StationCode = z.infer<typeof stationCode>;

/** Who this installation is: set by provisioning, shown in the frame, carried on every outgoing event. */
export const stationIdentity = z.object({
  code: stationCode,
  name: z.string().min(2).max(40),
  province: provinceCode,
  /** GB/T 2260 district code (区/县). */
  districtCode: z.string().regex(/^\d{6}$/),
  districtName: z.string().min(2).max(20),
  /** `development` identities are for trying the app out; they can never sign real traffic. */
  kind: z.enum(['development', 'demo', 'provisioned']),
});
export type StationIdentity = z.infer<typeof stationIdentity>;
