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
    documents: 'Verify documents',
    assist: 'Assistance',
  },
  station: {
    kind: {
      development: 'Development station',
      demo: 'Demo station',
      provisioned: '',
    },
    notProvisioned: 'This PC has no station identity yet; showing the development station.',
    noStationYet: 'No station has been set up on this PC yet',
    development:
      'Without a provisioning package, creating a station admin makes this PC a development station: for development and trying the app out only, not a real station; it cannot sync with other stations and its documents are not valid. For real use, import the package issued by the city bureau first.',
    adminFor: {
      development: 'No package imported: this creates a development station (not a real station; it cannot sync).',
      demo: 'Creates the station admin of the demo station {name}.',
      provisioned: 'Creates the station admin of the real station {name} ({code}).',
    },
    demoBanner: 'Demo station: all data here is demo data, not for real work; printed documents are not valid.',
    windowTitleDemo: '[Demo station] ',
    demoMark: 'Demo data, not valid',
    demoRefused: {
      provisioned: 'This PC is provisioned: no demo station or demo data can be loaded.',
      policy: 'Machine policy disables demo stations and demo data on this PC.',
      notDemo: 'Demo data can only be loaded on a demo station.',
    },
  },
  language: {
    label: 'Language',
    'zh-CN': '简体中文',
    en: 'English',
    lockedByPolicy: 'The interface language is set by group policy and cannot be changed on this PC.',
  },
  syncStatus: {
    online: 'Online',
    offline: 'Offline',
    syncing: 'Syncing',
    error: 'Error',
    notConfigured: 'No exchange configured',
    pending: '{n} pending',
    upgradeNeeded: 'Upgrade needed',
    stopped: 'Sync with {name} stopped: {reason}',
    stopReasons: {
      brokenChain: 'broken event chain',
      badEventSignature: 'invalid event signature',
      wrongAuthor: 'event author differs',
      notRecipient: 'event not addressed here',
      outOfOrder: 'events out of order',
    },
    upgradeReason: 'This app is below the minimum version {min} of the trust roster: some data from stations on the newer version will be quarantined until it is upgraded. Ask {issuer} for the new installer.',
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
      hostInfo: 'Host',
      host: {
        electron: 'Desktop app',
        browser: 'Browser',
      },
      version: 'Version',
      storagePersisted: 'Local data is marked as persistent',
      storageNotPersisted: 'The browser has not promised to keep local data; do not clear browsing data',
      diagnostics: {
        title: 'Diagnostics',
        hint: 'Export a zip file for support: versions, logs, sync status and the database version, without resident, officer or case data.',
        export: 'Export diagnostics',
        exporting: 'Exporting…',
        saved: 'Diagnostics saved',
        cancelled: 'Export cancelled',
        failed: 'Export failed: {reason}',
      },
    },
  },
  db: {
    quota: 'The disk is full, so the last action was not saved. Free some space and try again; what you typed is still on the page.',
    blocked: 'The database is being upgraded, but another window still uses the old version. Close the other windows to continue.',
    versionchange: 'The database was upgraded in another window, so this window has stopped writing. Reload to continue.',
    unavailable: 'The local database cannot be opened. Restart the app; if it still fails, contact your administrator.',
    dataKey: "This station's data cannot be unlocked: this PC's data key is not usable (the PC or the Windows user may have changed). Sign in to Windows as the original user; on a new PC, the station admin restores a station backup.",
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
    setByPolicy: 'Set by group policy',
  },
};

export default en;
