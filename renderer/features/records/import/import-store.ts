import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { toCsv } from '@shared/csv';
import { beijingDate } from '@shared/domain/beijing-time';
import type { Action } from '@shared/domain/permissions';
import type { ColumnMapping } from '@shared/domain/resident/import/columns';
import type { ImportJob, RefusedRow } from '@shared/domain/resident/import/job';
import { officerKey } from '@shared/domain/officer';
import { appendAudit } from '@renderer/platform/audit';
import { guardedWrite } from '@renderer/platform/db';
import { callHost } from '@renderer/platform/host';
import { useSessionStore } from '@renderer/platform/session';
import { useStationStore } from '@renderer/platform/station';
import { RecordsRuleError } from '../errors';
import { registerCsv } from './export-register';
import { inspectFile, refusedRowsOf, resumableJob, runImport, saveMapping, savedMappingFor, type ImportProgress, type Inspected } from './import-runner';

/**
 * 批量导入 / 导出 for the screens: permission first (refusals audited by the session store), then the work.
 * The chosen file is held here while the officer adjusts the mapping, so leaving the page keeps nothing else.
 */
export interface ChosenFile {
  file: File;
  inspected: Inspected;
  /** The saved mapping for this header row, else the guess. */
  savedMapping: ColumnMapping | null;
  /** An unfinished import of the same file (same SHA-256), continued when started. */
  resume: ImportJob | null;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const useRecordsImportStore = defineStore('recordsImport', () => {
  const session = useSessionStore();
  const station = useStationStore();
  const chosen = shallowRef<ChosenFile | null>(null);

  async function actor(action: Action, object: string) {
    const officer = await session.assertCan(action, object);
    const { province, policeNumber, name } = officer.ref;
    return { officer: { province, policeNumber, name }, stationCode: station.identity.code };
  }

  /** Asks the host for a file (CSV or XLSX) and reads its header and first rows in the worker. */
  async function choose(): Promise<ChosenFile | null> {
    await actor('person.import', 'records');
    const picked = await callHost('file.open', { filters: [{ name: 'CSV / Excel', extensions: ['csv', 'txt', 'xlsx'] }] });
    if (picked.outcome !== 'opened') return null;
    const file = new File([picked.content.slice()], picked.name);
    const inspected = await inspectFile(file);
    const [savedMapping, resume] = await Promise.all([savedMappingFor(inspected.headers), resumableJob(inspected.sha256)]);
    chosen.value = { file, inspected, savedMapping, resume };
    return chosen.value;
  }

  async function start(edited: ColumnMapping, onProgress: (p: ImportProgress) => void, signal: AbortSignal): Promise<ImportJob> {
    // A plain copy: the screen's mapping is reactive, and IndexedDB cannot store a Vue proxy.
    const mapping: ColumnMapping = Array.from(edited);
    const current = chosen.value;
    if (!current) throw new Error('records import: no file chosen');
    const who = await actor('person.import', `file:${current.inspected.sha256}`);
    await saveMapping(current.inspected.headers, mapping);
    const job = await runImport({
      file: current.file,
      inspected: current.inspected,
      mapping: current.resume?.mapping ?? mapping,
      actor: who,
      context: { divisionCode: station.identity.districtCode, today: beijingDate(Date.now()) },
      resume: current.resume,
      onProgress,
      signal,
    });
    // A finished job is not resumed again; a paused one is, with the same file.
    chosen.value = { ...current, resume: job.status === 'done' ? null : job };
    return job;
  }

  const refusedOf = (jobId: string): Promise<RefusedRow[]> => refusedRowsOf(jobId);

  /**
   * The refused rows as a CSV to correct and import again: the file's own columns, then the row number and the
   * problems (worded by the caller), so the corrected file maps as the original did.
   */
  async function downloadRefused(job: ImportJob, labels: { row: string; problems: string }, words: (row: RefusedRow) => string): Promise<string | null> {
    await actor('person.import', `import:${job.id}`);
    const rows = await refusedRowsOf(job.id);
    const text = toCsv([[...job.headers, labels.row, labels.problems], ...rows.map((r) => [...r.cells, r.row, words(r)])]);
    const saved = await callHost('file.saveAs', { suggestedName: `refused-${job.fileName.replace(/\.[^.]*$/, '')}.csv`, filters: [{ name: 'CSV', extensions: ['csv'] }], content: text });
    return saved.outcome === 'saved' ? saved.path : null;
  }

  /** Exports the register: masked unless a reason is given for full numbers; audited like revealing a number. */
  async function exportRegister(full: boolean, reason: string): Promise<string | null> {
    const why = reason.trim();
    if (full && why.length < 2) throw new RecordsRuleError('reasonRequired', 'reason');
    const who = await actor('person.export', 'records');
    const { text, rows } = await registerCsv(full);
    const name = `register-${station.identity.code}-${beijingDate(Date.now())}${full ? '' : '-masked'}.csv`;
    const saved = await callHost('file.saveAs', { suggestedName: name, filters: [{ name: 'CSV', extensions: ['csv'] }], content: text });
    if (saved.outcome !== 'saved') return null;
    const sha256 = await sha256Hex(text);
    await guardedWrite(() =>
      appendAudit({
        station: who.stationCode,
        officer: officerKey(who.officer),
        action: 'person.export',
        object: 'records',
        result: 'success',
        detail: `${full ? `full reason=${why}` : 'masked'} file=${name} sha256=${sha256} rows=${rows}`,
      }),
    );
    return saved.path;
  }

  return { chosen, choose, start, refusedOf, downloadRefused, exportRegister };
});
