import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SealedEnvelope } from '@shared/provisioning/sealed';
import { db } from '@renderer/platform/db';
import { callHost } from '@renderer/platform/host';
import { officersTable } from '@renderer/platform/session';
import { useSessionStore } from '@renderer/platform/session';
import { useStationStore } from '@renderer/platform/station';
import { BACKUP_EXTENSION, BackupError, backupFileName, openBackup, restoreStation, sealBackup, snapshotStation, type RestoreReport } from './backup';
import { applyPackage, openPackage, ProvisioningError } from './provisioning';

/** Where the station admin (or, on a fresh PC, the installer) provisions, backs up and restores the station. */
export type Where = 'firstRun' | 'settings';

/** Raised on the first-run screen once the station has accounts: from then on only the station admin may act. */
export class FirstRunClosedError extends Error {
  constructor() {
    super('the station already has officers');
    this.name = 'FirstRunClosedError';
  }
}

export const useProvisioningStore = defineStore('provisioning', () => {
  const session = useSessionStore();
  const station = useStationStore();
  const busy = ref(false);

  async function actor(where: Where, action: 'station.provision' | 'station.restore' | 'station.backup'): Promise<string> {
    if (where === 'settings') {
      await session.assertCan(action, station.identity.code);
      return session.actor;
    }
    if ((await officersTable().count()) > 0) throw new FirstRunClosedError();
    return 'installer';
  }

  async function run<T>(work: () => Promise<T>): Promise<T> {
    busy.value = true;
    try {
      return await work();
    } finally {
      busy.value = false;
    }
  }

  /** 导入开通包 (first run) or 重新开通 / 更换密钥 (settings, after the admin confirmed). */
  async function importPackage(envelope: SealedEnvelope, passphrase: string, where: Where): Promise<void> {
    await run(async () => {
      const who = await actor(where, 'station.provision');
      const pkg = await openPackage(envelope, passphrase);
      await applyPackage(pkg, { actor: who });
      await station.load();
    });
  }

  /** 备份: seals the snapshot and hands it to the host's save dialog. Returns where it was saved, or null. */
  async function backup(passphrase: string): Promise<string | null> {
    return run(async () => {
      const who = await actor('settings', 'station.backup');
      const snapshot = await snapshotStation(who);
      const content = await sealBackup(snapshot, passphrase);
      const saved = await callHost('file.saveAs', {
        suggestedName: backupFileName(snapshot),
        filters: [{ name: 'YRD Station backup', extensions: [BACKUP_EXTENSION] }],
        content,
      });
      return saved.outcome === 'saved' ? saved.path : null;
    });
  }

  /** 恢复: open and check first (nothing changes on a wrong passphrase or damaged file), then stage and swap. */
  async function restore(text: string, passphrase: string, where: Where): Promise<RestoreReport> {
    return run(async () => {
      const who = await actor(where, 'station.restore');
      const opened = await openBackup(text, passphrase);
      const report = await restoreStation(opened, { actor: who, firstRun: where === 'firstRun', database: db() });
      return report;
    });
  }

  return { busy, importPackage, backup, restore };
});

export { BackupError, ProvisioningError };
