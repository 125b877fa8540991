// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import ElementPlus from 'element-plus';
import { ulid } from 'ulid';
import type { AttachmentRef } from '@shared/attachments';
import { createAppI18n } from '@renderer/platform/i18n/setup';
import { appMessages } from '@renderer/app/composition';
import AttachmentPicker from '@renderer/features/attachments/components/AttachmentPicker.vue';
import AttachmentList from '@renderer/features/attachments/components/AttachmentList.vue';

const appMessageModules = await appMessages();
const MIB = 1024 * 1024;

function mountPicker(locale: 'zh-CN' | 'en', model: AttachmentRef[] = []) {
  const pinia = createPinia();
  setActivePinia(pinia);
  return mount(AttachmentPicker, {
    props: { modelValue: model, 'onUpdate:modelValue': () => undefined },
    global: { plugins: [createAppI18n(appMessageModules, locale), ElementPlus, pinia] },
  });
}

async function choose(wrapper: ReturnType<typeof mountPicker>, files: File[]): Promise<void> {
  const input = wrapper.get('[data-testid="attachment-input"]');
  Object.defineProperty(input.element, 'files', { value: files, configurable: true });
  await input.trigger('change');
  await flushPromises();
  await new Promise((r) => setTimeout(r, 50));
  await flushPromises();
}

const ref = (over: Partial<AttachmentRef> = {}): AttachmentRef => ({
  id: ulid(),
  name: '监控截图.jpg',
  mime: 'image/jpeg',
  size: 345_678,
  sha256: 'a'.repeat(64),
  thumbnail: 'data:image/jpeg;base64,AAAA',
  ownerStation: '330482520000',
  ...over,
});

describe('AttachmentPicker', () => {
  it('has the contract testids and a keyboard-reachable button that opens the file input', () => {
    const wrapper = mountPicker('zh-CN');
    expect(wrapper.find('[data-testid="attachment-picker"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="attachment-choose"]').element.tagName).toBe('BUTTON');
    expect(wrapper.text()).toContain('每个文件不超过 5 MB');
    wrapper.unmount();
  });

  it('refuses a file over the cap with a zh-CN message beside it, and emits nothing', async () => {
    const wrapper = mountPicker('zh-CN');
    await choose(wrapper, [new File([new Uint8Array(5 * MIB + 1)], '案卷扫描.pdf', { type: 'application/pdf' })]);
    expect(wrapper.get('[data-testid="attachment-refusals"]').text()).toBe('“案卷扫描.pdf”处理后仍超过 5 MB，无法添加');
    expect(wrapper.emitted('update:modelValue')).toBeUndefined();
    wrapper.unmount();
  });

  it('refuses the tenth file, and says so in English too', async () => {
    const wrapper = mountPicker('en', Array.from({ length: 9 }, () => ref()));
    await choose(wrapper, [new File(['x'], 'note.txt', { type: 'text/plain' })]);
    expect(wrapper.get('[data-testid="attachment-refusals"]').text()).toBe('At most 9 attachments');
    wrapper.unmount();
  });

  it('asks for a signed-in officer before storing anything', async () => {
    const wrapper = mountPicker('zh-CN');
    await choose(wrapper, [new File(['笔录'], '笔录.txt', { type: 'text/plain' })]);
    expect(wrapper.get('[data-testid="attachment-refusals"]').text()).toBe('请先登录后再添加附件');
    wrapper.unmount();
  });
});

describe('AttachmentList', () => {
  it('shows each thumbnail at once as a button named for its file', () => {
    const pinia = createPinia();
    setActivePinia(pinia);
    const items = [ref(), ref({ name: '协查函.pdf', mime: 'application/pdf', thumbnail: '' })];
    const wrapper = mount(AttachmentList, { props: { items }, global: { plugins: [createAppI18n(appMessageModules, 'zh-CN'), ElementPlus, pinia] } });
    const buttons = wrapper.findAll('[data-testid="attachment-item"]');
    expect(buttons.map((b) => b.element.tagName)).toEqual(['BUTTON', 'BUTTON']);
    expect(buttons.map((b) => b.attributes('aria-label'))).toEqual(['查看 监控截图.jpg', '查看 协查函.pdf']);
    expect(buttons[0]?.get('img').attributes('src')).toBe('data:image/jpeg;base64,AAAA');
    expect(buttons[1]?.text()).toContain('文件');
    wrapper.unmount();
  });
});
