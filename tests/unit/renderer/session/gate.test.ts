// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import ElementPlus from 'element-plus';
import { createMemoryHistory, createRouter } from 'vue-router';
import { createAppI18n } from '@renderer/platform/i18n/setup';
import { appMessages } from '@renderer/app/composition';
import SessionGate from '@renderer/app/gate/SessionGate.vue';
import { useSessionStore } from '@renderer/platform/session/store';
import { addOfficer, freshState, PASSWORD } from './helpers';

// Features' messages load from their own chunks (as after the app's first screen).
const appMessageModules = await appMessages();

beforeEach(async () => {
  sessionStorage.clear();
  await freshState();
});
afterEach(freshState);

async function mountGate() {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { render: () => null } }] });
  const Host = defineComponent({ render: () => h(SessionGate, null, { default: () => h('main', { 'data-testid': 'feature-page' }, 'page') }) });
  const wrapper = mount(Host, { global: { plugins: [pinia, router, createAppI18n(appMessageModules, 'zh-CN'), ElementPlus] }, attachTo: document.body });
  return { wrapper, session: useSessionStore(pinia) };
}

// Generous: the lock screen, the password dialog and the first-run screen load on first show (their own chunks).
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i += 1) {
    await new Promise((r) => setTimeout(r, 10));
    await nextTick();
  }
  expect(check()).toBe(true);
}

describe('the first-run gate', () => {
  it('shows the first-run screen, not the page, while the station has no officers', async () => {
    const { wrapper } = await mountGate();
    await until(() => wrapper.find('[data-testid="first-run"]').exists());
    expect(wrapper.find('[data-testid="feature-page"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows sign-in when officers exist, then the page once signed in, and the lock screen over it when locked', async () => {
    await addOfficer('100001', ['window']);
    const { wrapper, session } = await mountGate();
    await until(() => wrapper.find('[data-testid="sign-in"]').exists());
    expect(wrapper.find('[data-testid="feature-page"]').exists()).toBe(false);
    await session.signIn('100001', PASSWORD);
    await until(() => wrapper.find('[data-testid="feature-page"]').exists());
    await session.lock('manual');
    await until(() => document.querySelector('[data-testid="lock-screen"]') !== null);
    // The page is kept underneath (unsaved edits survive) but inert.
    expect(wrapper.find('[data-testid="feature-page"]').element.parentElement?.hasAttribute('inert')).toBe(true);
    wrapper.unmount();
  });

  it('an expired password opens the forced change dialog over an inert page before anything else', async () => {
    await addOfficer('100001', ['window'], { passwordChangedAt: '2020-01-01T00:00:00.000Z' });
    const { wrapper, session } = await mountGate();
    await until(() => wrapper.find('[data-testid="sign-in"]').exists());
    await session.signIn('100001', PASSWORD);
    await until(() => document.querySelector('[data-testid="change-password-reason"]') !== null);
    expect(document.querySelector('[data-testid="change-password-reason"]')?.textContent).toContain('已超过有效期');
    expect(wrapper.find('[data-testid="feature-page"]').element.parentElement?.hasAttribute('inert')).toBe(true);
    wrapper.unmount();
  });
});
