import type { SessionMessages } from './zh-CN';

/** English: typed as the Chinese, so a missing or extra key is a type error. */
const en: SessionMessages = {
  signIn: {
    title: 'Officer sign-in',
    policeNumber: 'Police number',
    policeNumberPlaceholder: '6-digit police number',
    password: 'Password',
    submit: 'Sign in',
    invalid: 'Wrong police number or password',
    disabled: 'This account is disabled; ask the station admin',
    locked: 'Too many wrong passwords; the account is locked until {until}',
    policeNumberRequired: 'Enter the police number',
    policeNumberFormat: 'The police number is 6 digits',
    passwordRequired: 'Enter the password',
  },
  firstRun: {
    title: 'First run: set up this station',
    intro: 'This PC has no officer accounts yet. Choose how to start:',
    demo: {
      title: 'Load demo station',
      description: 'Writes one demo account per role and a few hundred demo households, for training and trying the app. Demo data is never for real work.',
      accounts: 'Demo accounts (password {password} for all)',
      withResidents: 'Also create demo resident records',
      load: 'Load demo station',
      loading: 'Loading demo data…',
      residents: 'Creating demo residents {done}/{total}',
    },
    admin: {
      title: 'Create the station admin',
      description: 'A real station: create the first station admin account; the admin then creates the other officers.',
      name: 'Name',
      confirmPassword: 'Confirm password',
      create: 'Create station admin',
      nameRequired: 'Enter the name',
      mismatch: 'The passwords do not match',
    },
    alreadySetUp: 'This station already has officer accounts; sign in',
    failed: 'Could not finish: {message}',
  },
  roles: {
    window: 'Window staff',
    approver: 'Approver',
    patrolLead: 'Patrol lead',
    stationAdmin: 'Station admin',
    auditor: 'Auditor',
  },
  policy: {
    hint: 'At least 8 characters, three of upper case, lower case, digits and symbols, not containing the police number',
    tooShort: 'At least 8 characters',
    tooLong: 'At most 64 characters',
    whitespace: 'No spaces',
    tooFewKinds: 'Use at least three of upper case, lower case, digits and symbols',
    containsPoliceNumber: 'The password may not contain the police number',
    sameAsCurrent: 'The new password must differ from the current one',
  },
  lock: {
    title: 'Screen locked',
    hint: '{name} ({policeNumber}) is signed in. Enter the password to unlock; unsaved work is kept.',
    unlock: 'Unlock',
    signOut: 'Sign out',
  },
  menu: {
    changePassword: 'Change password',
    lock: 'Lock screen',
    signOut: 'Sign out',
    confirmSignOut: 'Sign out? Unsaved work will be lost.',
  },
  changePassword: {
    title: 'Change password',
    forced: 'The station admin reset your password; choose a new one to continue.',
    current: 'Current password',
    next: 'New password',
    confirm: 'Confirm new password',
    wrongCurrent: 'The current password is wrong',
    mismatch: 'The new passwords do not match',
    done: 'Password changed',
    discard: 'Discard what you typed?',
  },
  denied: 'Your role may not do this; the attempt is recorded in the audit trail',
};

export default en;
