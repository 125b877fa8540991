import { defineAsyncComponent } from 'vue';

// The sign-in screen is the first screen: loaded with the app. The rest appear only after sign-in (lock screen,
// password dialog, the frame's menu, settings), so each loads when first shown and stays out of the first screen.
export { default as SignInView } from './components/SignInView.vue';
export const ChangePasswordDialog = defineAsyncComponent(() => import('./components/ChangePasswordDialog.vue'));
export const LockScreen = defineAsyncComponent(() => import('./components/LockScreen.vue'));
export const PasswordPolicySettings = defineAsyncComponent(() => import('./components/PasswordPolicySettings.vue'));
export const SessionMenu = defineAsyncComponent(() => import('./components/SessionMenu.vue'));
export { StationAlreadySetUpError, bootstrapAccounts, createFirstAdmin, newAccount } from './first-run';
export { sessionErrors } from './errors';
export { trackIdle } from './idle';
export type { IdleTracker } from './idle';
export { OFFICERS_TABLE, officersTable } from './officers-table';
export { hashPassword } from './password-hash';
export { policyMessage } from './policy-message';
export { PermissionDeniedError, signedIn, useSessionStore } from './store';
export { default as sessionMessages } from './messages';
