import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_MAX_BYTES, LOG_ROTATED_FILES, createMainLog, logFileNames, rotateLogFiles } from '../../../electron/main/log';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'yrd-log-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('main log rotation', () => {
  it('shifts main.log → main.1.log → … and drops the oldest beyond the kept count', () => {
    const dir = tempDir();
    const path = join(dir, 'main.log');
    for (let generation = 1; generation <= LOG_ROTATED_FILES + 2; generation += 1) {
      writeFileSync(path, `generation ${generation}\n`);
      rotateLogFiles(path, LOG_ROTATED_FILES);
    }
    expect(logFileNames(readdirSync(dir))).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.4.log']);
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toBe(`generation ${LOG_ROTATED_FILES + 2}\n`);
    expect(readFileSync(join(dir, 'main.4.log'), 'utf8')).toBe('generation 3\n');
  });

  it('orders log files newest first and ignores other files', () => {
    expect(logFileNames(['main.2.log', 'notes.txt', 'main.log', 'main.10.log', 'main.1.log', 'renderer.log'])).toEqual(['main.log', 'main.1.log', 'main.2.log', 'main.10.log']);
  });

  it('writes through electron-log, rotates at 1 MiB, and redacts personal data before it reaches the disk', () => {
    const dir = tempDir();
    const log = createMainLog({ logsDir: dir, appName: 'yrd-station-test', keepPathPrefixes: ['C:\\Program Files\\YRDStation'], console: false, logId: `test-${Date.now()}` });
    log.info('start: YRD Station 0.1.0');
    log.warn('write failed for C:\\Users\\王小明\\Documents\\证明.pdf, caller 110101199003077777, phone 13912345678');
    log.error('main: uncaught exception', new Error('boom at C:\\Program Files\\YRDStation\\resources\\app.asar\\out\\main\\index.js'));
    const text = readFileSync(join(dir, 'main.log'), 'utf8');
    expect(text).toContain('[info]  start: YRD Station 0.1.0');
    expect(text).toContain('write failed for [path]');
    expect(text).not.toMatch(/王小明|110101199003077777|13912345678/);
    expect(text).toContain('C:\\Program Files\\YRDStation\\resources\\app.asar\\out\\main\\index.js');

    const line = 'x'.repeat(100_000);
    for (let i = 0; i < LOG_MAX_BYTES / 100_000 + 2; i += 1) log.info(line);
    const names = logFileNames(readdirSync(dir));
    expect(names).toEqual(['main.log', 'main.1.log']);
  });
});
