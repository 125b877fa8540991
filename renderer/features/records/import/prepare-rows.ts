import { checkRow, type CheckedRow, type ImportContext } from '@shared/domain/resident/import/import-row';
import type { ColumnMapping } from '@shared/domain/resident/import/columns';
import { DUPLICATE_IN_FILE } from '@shared/domain/resident/import/job';
import type { PreparedRow } from '@shared/domain/resident/import/worker-protocol';
import { nameKeys } from '@shared/domain/resident/name-keys';
import { addressGrams, personTerms } from '@shared/domain/resident/search-keys';
import { divisionFullName } from '@shared/validation/division-names';
import type { SourceRow, TableSource } from './table-source';

/**
 * The worker's half of an import: rows of the file, checked with the forms' rules, with everything a search needs
 * derived (pinyin with pinyin-pro, terms, address bigrams), so the page only matches and writes. Runs in the
 * worker; plain functions, so unit tests run it without one.
 */
export interface PreparedChunk {
  rows: PreparedRow[];
  through: number;
  blank: number;
  fraction: number;
}

/**
 * A row repeating a person met earlier in the same file (same ID number, or same 户号+人号) is refused, not
 * merged: which of the two is right is for an officer to say. Kept by the worker, which reads every row in order
 * (also the rows a resumed run reads past), so a resumed import refuses the same rows.
 */
class SeenInFile {
  private readonly ids = new Set<string>();
  private readonly slots = new Set<string>();

  check(checked: CheckedRow): CheckedRow {
    if (!checked.ok) return checked;
    const slot = checked.personNo === null ? null : `${checked.household.number}:${checked.personNo}`;
    if (this.ids.has(checked.person.idNumber)) return { ok: false, issues: [{ field: 'idNumber', rule: DUPLICATE_IN_FILE, params: {} }] };
    if (slot !== null && this.slots.has(slot)) return { ok: false, issues: [{ field: 'personNo', rule: DUPLICATE_IN_FILE, params: {} }] };
    this.ids.add(checked.person.idNumber);
    if (slot !== null) this.slots.add(slot);
    return checked;
  }
}

function prepared(row: number, cells: string[], checked: CheckedRow, districtName: string): PreparedRow {
  if (!checked.ok) return { ok: false, row, cells, issues: checked.issues };
  const { sortKey, py } = nameKeys(checked.person.name);
  return {
    ok: true,
    row,
    person: checked.person,
    personNo: checked.personNo,
    household: checked.household,
    keys: { sortKey, py, terms: personTerms(checked.person), grams: addressGrams(checked.household.address, districtName) },
  };
}

/**
 * Chunks of prepared rows: `skipRows` data rows (already committed by an earlier run of the job) are read past;
 * a chunk holds `chunkRows` data rows (valid or not), so chunk boundaries are the same on every run of a file.
 */
export async function* preparedChunks(source: TableSource, mapping: ColumnMapping, context: ImportContext, skipRows: number, chunkRows: number): AsyncGenerator<PreparedChunk> {
  const districtName = divisionFullName(context.divisionCode);
  const seen = new SeenInFile();
  let dataRows = 0;
  let blank = 0;
  let rows: PreparedRow[] = [];
  const take = (item: SourceRow): void => {
    if ('blank' in item) {
      blank += 1;
      return;
    }
    dataRows += 1;
    const checked = seen.check(checkRow(item.cells, mapping, context));
    if (dataRows > skipRows) rows.push(prepared(item.row, item.cells, checked, districtName));
  };
  for await (const item of source.rows()) {
    take(item);
    if (rows.length >= chunkRows) {
      yield { rows, through: dataRows, blank, fraction: source.fraction() };
      rows = [];
    }
  }
  if (rows.length > 0 || dataRows <= skipRows) yield { rows, through: dataRows, blank, fraction: 1 };
}
