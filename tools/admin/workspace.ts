import { mkdir, readFile, writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { fromUtf8, utf8 } from '../../shared/bytes';
import { officeSecrets, officeState, type OfficeSecrets, type OfficeState } from '../../shared/provisioning/office';
import { openSealed, parseSealed, seal } from '../../shared/provisioning/sealed';
import { webCryptoAesGcm } from '../../shared/provisioning/aes-gcm';

/** The office workspace folder: what lives where. Keep it on an offline, access-controlled PC. */
export const workspacePaths = (dir: string) => ({
  state: join(dir, 'office.json'),
  secrets: join(dir, 'office-secrets.yrds'),
  roster: join(dir, 'roster.signed.json'),
  packages: join(dir, 'packages'),
  exchange: join(dir, 'exchange'),
  exchangeCluster: join(dir, 'exchange-cluster'),
});

export class AdminError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminError';
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export async function loadState(dir: string): Promise<OfficeState> {
  const path = workspacePaths(dir).state;
  if (!(await exists(path))) throw new AdminError(`没有办公室工作区 (no office workspace) in ${dir}: run "init" first`);
  return officeState.parse(JSON.parse(await readFile(path, 'utf8')));
}

export async function saveState(dir: string, state: OfficeState): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(workspacePaths(dir).state, `${JSON.stringify(officeState.parse(state), null, 2)}\n`, 'utf8');
}

export interface SecretsOptions {
  passphrase: string;
  /** Tests only: a cheaper key derivation. */
  scryptN?: number;
}

export async function loadSecrets(dir: string, options: SecretsOptions): Promise<OfficeSecrets> {
  const envelope = parseSealed(await readFile(workspacePaths(dir).secrets, 'utf8'), 'office-secrets');
  const bytes = await openSealed(envelope, options.passphrase, webCryptoAesGcm);
  return officeSecrets.parse(JSON.parse(fromUtf8(bytes)));
}

export async function saveSecrets(dir: string, secrets: OfficeSecrets, options: SecretsOptions): Promise<void> {
  const sealOptions = { purpose: 'office-secrets' as const, passphrase: options.passphrase, meta: { kind: 'YRD office keys' }, ...(options.scryptN ? { scryptN: options.scryptN } : {}) };
  const envelope = await seal(utf8(JSON.stringify(officeSecrets.parse(secrets))), sealOptions, webCryptoAesGcm);
  await writeFile(workspacePaths(dir).secrets, JSON.stringify(envelope), { encoding: 'utf8', mode: 0o600 });
}
