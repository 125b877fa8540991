import { z } from 'zod';

/**
 * Every data row of a file ends in exactly one bucket: read = imported + updated + unchanged + refused. Blank
 * lines are not rows (a spreadsheet's trailing empty lines), and are counted apart so nothing is unexplained.
 */
export const importCounts = z.object({
  read: z.number().int().min(0),
  imported: z.number().int().min(0),
  updated: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  refused: z.number().int().min(0),
  blank: z.number().int().min(0),
});
export type ImportCounts = z.infer<typeof importCounts>;
export type RowOutcome = 'imported' | 'updated' | 'unchanged' | 'refused';

export const emptyCounts = (): ImportCounts => ({ read: 0, imported: 0, updated: 0, unchanged: 0, refused: 0, blank: 0 });

/** Counts plus one row's outcome (a new object: counts are committed with each chunk). */
export function countRow(counts: ImportCounts, outcome: RowOutcome): ImportCounts {
  return { ...counts, read: counts.read + 1, [outcome]: counts[outcome] + 1 };
}

export function addCounts(a: ImportCounts, b: ImportCounts): ImportCounts {
  return {
    read: a.read + b.read,
    imported: a.imported + b.imported,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    refused: a.refused + b.refused,
    blank: a.blank + b.blank,
  };
}

/** True when every row read is in one bucket; a summary that does not add up is a defect, never shown as done. */
export const countsBalance = (c: ImportCounts): boolean => c.read === c.imported + c.updated + c.unchanged + c.refused;
