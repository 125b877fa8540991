/**
 * 文书核验: verifies a YRD document's QR text against a signed roster (and a revocation list), offline.
 * docs/verify.md describes the format; `npm run verify:document -- --help` the options.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { runVerifyDocument } from './documents/verify-command';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('扫描或粘贴二维码内容后回车 scan or paste the QR text, then Enter (Ctrl-D to end):\n');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    // A scanner types one line and Enter: stop at the first complete line.
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

process.exitCode = await runVerifyDocument(process.argv.slice(2), {
  // `npm run` starts in the project folder: file names are taken relative to where the user typed the command.
  readFile: (path) => readFile(resolve(process.env.INIT_CWD ?? process.cwd(), path), 'utf8'),
  readStdin,
  out: (line) => console.log(line),
  now: () => new Date(),
});
