import { z } from 'zod';
import { provinceCode, type ProvinceCode } from '../domain/province';
import { parsePlate, type PlateInfo } from '../validation/plate';

/**
 * 一点两检 lanes: which plates each lane takes and which province's police inspect it, e.g. on 申嘉湖高速 lanes 2–3
 * take 浙 plates and are inspected by Zhejiang police, the rest by Shanghai police. Configured per checkpoint.
 */
export const checkpointLane = z.object({
  lane: z.number().int().min(1).max(30),
  /** Plate province characters this lane takes; empty = every plate not claimed by another lane. */
  plateProvinces: z.array(z.string().length(1)).max(31),
  inspectingProvince: provinceCode,
});
export type CheckpointLane = z.infer<typeof checkpointLane>;

export const checkpointConfig = z
  .object({
    name: z.string().min(1).max(60),
    lanes: z.array(checkpointLane).min(1).max(30),
  })
  .refine((c) => new Set(c.lanes.map((l) => l.lane)).size === c.lanes.length, { message: 'duplicate lane', path: ['lanes'] });
export type CheckpointConfig = z.infer<typeof checkpointConfig>;

/** The example of the 2021 article: 青浦 申嘉湖高速 省界卡口, lanes 2–3 浙 plates by Zhejiang police. */
export const exampleCheckpoint: CheckpointConfig = {
  name: '申嘉湖高速 省界卡口',
  lanes: [
    { lane: 1, plateProvinces: [], inspectingProvince: '310000' },
    { lane: 2, plateProvinces: ['浙'], inspectingProvince: '330000' },
    { lane: 3, plateProvinces: ['浙'], inspectingProvince: '330000' },
    { lane: 4, plateProvinces: [], inspectingProvince: '310000' },
  ],
};

export interface LaneSuggestion {
  plate: PlateInfo;
  lanes: CheckpointLane[];
  lane: number | null;
  inspectingProvince: ProvinceCode | null;
}

/** Lanes that take this plate: the lanes naming its province, otherwise the catch-all lanes. */
export function lanesForPlate(config: CheckpointConfig, plateProvince: string): CheckpointLane[] {
  const named = config.lanes.filter((l) => l.plateProvinces.includes(plateProvince));
  return named.length > 0 ? named : config.lanes.filter((l) => l.plateProvinces.length === 0);
}

/**
 * Entering a plate suggests its lane (the least busy of the lanes that take it) and the inspecting province.
 * `busy` counts vehicles currently being inspected per lane.
 */
export function suggestLane(config: CheckpointConfig, plateInput: string, busy: Readonly<Record<number, number>> = {}): LaneSuggestion | null {
  const parsed = parsePlate(plateInput);
  if (!parsed.ok) return null;
  const lanes = lanesForPlate(config, parsed.value.province.char);
  const best = [...lanes].sort((a, b) => (busy[a.lane] ?? 0) - (busy[b.lane] ?? 0) || a.lane - b.lane)[0];
  return { plate: parsed.value, lanes, lane: best?.lane ?? null, inspectingProvince: best?.inspectingProvince ?? null };
}
