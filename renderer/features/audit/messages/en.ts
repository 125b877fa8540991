import type { AuditMessages } from './zh-CN';

/** English: typed as the Chinese, so a missing or extra key is a type error. */
const en: AuditMessages = {
  title: 'Audit trail',
  intro: 'Who did what, to what, and when. Each entry is hash-linked to the one before, so any edit, insertion or deletion is found by the check. Entries are kept at least 6 months and never cleared sooner.',
  denied: 'Only the auditor may view the audit trail. This attempt is recorded in the audit trail.',
  filter: {
    time: 'Time',
    start: 'From',
    end: 'To',
    officer: 'Officer',
    officerPlaceholder: 'Police number',
    action: 'Action',
    result: 'Result',
    all: 'All',
    search: 'Search',
    reset: 'Reset',
  },
  column: {
    seq: 'No.',
    at: 'Time',
    station: 'Station',
    officer: 'Officer',
    action: 'Action',
    object: 'Object',
    result: 'Result',
    detail: 'Detail',
    prevHash: 'Previous hash',
    hash: 'Hash',
  },
  result: {
    success: 'Success',
    denied: 'Denied',
    failure: 'Failed',
  },
  verify: 'Verify the trail',
  verifying: 'Verifying {checked}/{total}',
  intact: 'The trail is intact: {count} entries, no tampering found.',
  broken: 'The trail breaks at entry {seq}: {reason}. That entry and all after it cannot be trusted; report it.',
  reason: {
    hash: 'the entry was edited',
    link: 'it does not link to the entry before (an entry was inserted, replaced or deleted)',
    sequence: 'the numbering has a gap (an entry was deleted or inserted)',
    anchor: 'it does not reach the end recorded separately on this PC (the newest entries were deleted or replaced)',
  },
  brokenEntries: 'Entries around the break',
  export: 'Export CSV',
  exported: '{count} entries exported',
  exportCancelled: 'Export cancelled',
  fileName: 'audit-trail',
  empty: 'No entries match',
  actions: {
    session: {
      signIn: 'Sign in',
      signOut: 'Sign out',
      lock: 'Lock screen',
      unlock: 'Unlock screen',
      changePassword: 'Change password',
    },
    officer: {
      create: 'Create officer account',
      update: 'Update officer account',
      resetPassword: 'Reset password',
      unlock: 'Unlock sign-in',
      disable: 'Disable account',
      enable: 'Enable account',
      manage: 'Manage officer accounts',
    },
    audit: {
      view: 'View audit trail',
      verify: 'Verify audit trail',
      export: 'Export audit trail',
    },
    demo: {
      load: 'Load demo data',
    },
    migration: {
      approve: 'Approve migration',
      reject: 'Reject migration',
    },
    person: {
      view: 'View person record',
      reveal: 'Reveal masked data',
    },
  },
};

export default en;
