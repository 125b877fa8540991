import { z } from 'zod';
import { stationCode } from '../domain/station';

/**
 * 一点四检 set-up of a water checkpoint (e.g. 红旗塘): how the vessel's outcome follows from the units' parts and
 * which station records each agency's part. Kept on the log header beside the road checkpoint's lanes.
 */
export const agencyUnitId = z.string().regex(/^agency-[a-z0-9-]{1,40}$/);

export const waterCheckpointConfig = z
  .object({
    /**
     * What 责令整改 (an order to put something right) means for the vessel: `release` — it goes on with the order
     * (the usual practice for paperwork); `hold` — it waits until the unit revises its part to 合格.
     */
    rectification: z.enum(['release', 'hold']),
    /**
     * The station that records an agency's part on its behalf (the agency has no app). An agency not named here is
     * hosted by the log's owner station, as its contingent is.
     */
    hosts: z.array(z.object({ unitId: agencyUnitId, station: stationCode })).max(20),
  })
  .refine((c) => new Set(c.hosts.map((h) => h.unitId)).size === c.hosts.length, { message: 'duplicate host', path: ['hosts'] });
export type WaterCheckpointConfig = z.infer<typeof waterCheckpointConfig>;

/** A water log without a set-up of its own: 责令整改 holds the vessel, every agency is hosted by the owner. */
export const defaultWaterCheckpoint: WaterCheckpointConfig = { rectification: 'hold', hosts: [] };
