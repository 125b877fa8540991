import type { MessageSchema } from './zh-CN';

const en: MessageSchema = {
  app: {
    title: 'YRD Police Cooperation · Station',
    shortTitle: 'YRD Station',
  },
  nav: {
    records: 'Residents',
    migration: 'Household migration',
    patrol: 'Joint patrols',
    sync: 'Sync',
    settings: 'Settings',
    officers: 'Officers',
    audit: 'Audit trail',
  },
  station: {
    kind: {
      development: 'Development station',
      demo: 'Demo station',
      provisioned: '',
    },
    notProvisioned: 'This PC has no station identity yet; showing the development station.',
  },
  language: {
    label: 'Language',
    'zh-CN': '简体中文',
    en: 'English',
  },
  syncStatus: {
    online: 'Online',
    offline: 'Offline',
    syncing: 'Syncing',
    error: 'Error',
    notConfigured: 'No exchange configured',
    pending: '{n} pending',
  },
  pages: {
    records: {
      title: 'Residents',
      placeholder:
        "The station's resident records will live here: households and persons, search by ID number, name or pinyin, the log of changes and corrections, and household-registration certificates.",
    },
    migration: {
      title: 'Household migration',
      placeholder:
        'Cross-province household migration will be handled here: intake and approval at the destination with the move-in permit, verification and the migration certificate at the origin, and settlement.',
    },
    patrol: {
      title: 'Joint patrols',
      placeholder:
        "Joint patrols and checkpoint inspections (one checkpoint, two inspections) with the neighbouring province's police will be logged here, co-authored and confirmed by every unit.",
    },
    sync: {
      title: 'Sync',
      placeholder:
        "Batch sync with neighbouring provinces' stations will show here: exchange connection, pending events, quarantined batches and conflicts, and offline bundle export and import.",
    },
    settings: {
      title: 'Settings',
      placeholder: 'Station identity, officer accounts and roles, and backup and restore will be set here.',
      hostInfo: 'Host',
      host: {
        electron: 'Desktop app',
        browser: 'Browser',
      },
      version: 'Version',
      storagePersisted: 'Local data is marked as persistent',
      storageNotPersisted: 'The browser has not promised to keep local data; do not clear browsing data',
    },
  },
  db: {
    quota: 'The disk is full, so the last action was not saved. Free some space and try again; what you typed is still on the page.',
    blocked: 'The database is being upgraded, but another window still uses the old version. Close the other windows to continue.',
    versionchange: 'The database was upgraded in another window, so this window has stopped writing. Reload to continue.',
    unavailable: 'The local database cannot be opened. Restart the app; if it still fails, contact your administrator.',
    reload: 'Reload',
  },
  common: {
    save: 'Save',
    cancel: 'Cancel',
    confirm: 'OK',
    close: 'Close',
    listSeparator: ', ',
    labelled: '{label}: {value}',
    withNote: '{text} ({note})',
  },
};

export default en;
