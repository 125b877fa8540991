import { randomInt } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { AdminError } from './workspace';

/** Unambiguous characters only (no 0/O, 1/I/L): the passphrase is read off paper or a phone call. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A one-time package passphrase: 5 groups of 4 from 31 characters, about 99 bits. */
export function oneTimePassphrase(): string {
  const groups = Array.from({ length: 5 }, () => Array.from({ length: 4 }, () => ALPHABET.charAt(randomInt(ALPHABET.length))).join(''));
  return groups.join('-');
}

export const MIN_OFFICE_PASSPHRASE = 12;

/** The office passphrase: from the environment variable named, else asked for on the terminal. */
export async function officePassphrase(envName: string, confirm = false): Promise<string> {
  const fromEnv = process.env[envName];
  const value = fromEnv ?? (await ask('办公室口令 Office passphrase: ', confirm));
  if (value.length < MIN_OFFICE_PASSPHRASE) throw new AdminError(`口令至少 ${MIN_OFFICE_PASSPHRASE} 个字符 (passphrase must have at least ${MIN_OFFICE_PASSPHRASE} characters)`);
  return value;
}

async function ask(prompt: string, confirm: boolean): Promise<string> {
  if (!process.stdin.isTTY) throw new AdminError('no terminal to ask for the passphrase: set --passphrase-env');
  const first = await askHidden(prompt);
  if (confirm && (await askHidden('再输一次 Again: ')) !== first) throw new AdminError('两次输入不一致 (the passphrases differ)');
  return first;
}

async function askHidden(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  process.stdout.write(prompt);
  // Hide what is typed: readline echoes through _writeToOutput, which we silence for the answer.
  const echo = rl as unknown as { _writeToOutput: (s: string) => void };
  echo._writeToOutput = () => undefined;
  try {
    return await rl.question('');
  } finally {
    rl.close();
    process.stdout.write('\n');
  }
}
