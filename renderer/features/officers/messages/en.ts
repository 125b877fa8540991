import type { OfficersMessages } from './zh-CN';

/** English: typed as the Chinese, so a missing or extra key is a type error. */
const en: OfficersMessages = {
  title: 'Officer accounts',
  intro: 'The station admin creates officer accounts, assigns roles, resets passwords, unlocks and disables accounts here. The admin cannot change or delete the audit trail.',
  policeNumber: 'Police number',
  name: 'Name',
  roles: 'Roles',
  status: 'Status',
  lastSignIn: 'Last sign-in',
  actions: 'Actions',
  state: {
    active: 'Active',
    locked: 'Locked',
    disabled: 'Disabled',
    mustChange: 'Must change password',
  },
  create: 'New account',
  edit: 'Edit',
  resetPassword: 'Reset password',
  unlock: 'Unlock',
  disable: 'Disable',
  enable: 'Enable',
  form: {
    createTitle: 'New officer account',
    editTitle: 'Edit officer account',
    resetTitle: 'Reset password: {name}',
    resetHint: 'Set a temporary password and tell the officer; they must change it at the next sign-in.',
    temporaryPassword: 'Temporary password',
    rolesRequired: 'Choose at least one role',
    duplicate: 'This police number already has an account',
    discard: 'Discard what you typed?',
  },
  confirmDisable: 'Disable the account of {name} ({policeNumber})? They will no longer be able to sign in.',
  confirmUnlock: 'Unlock the sign-in of {name}?',
  lastAdmin: 'At least one active station admin account must remain',
  saved: 'Saved',
  denied: 'Only the station admin manages officer accounts. This attempt is recorded in the audit trail.',
};

export default en;
