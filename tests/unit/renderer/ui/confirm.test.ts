import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ElMessageBox } from 'element-plus';
import { createAppI18n } from '@renderer/platform/i18n';
import { confirmAction, confirmDiscard, formsMessages } from '@renderer/platform/ui';

vi.mock('element-plus', () => ({ ElMessageBox: { confirm: vi.fn() }, ElMessage: { error: vi.fn() } }));
const confirm = vi.mocked(ElMessageBox.confirm);
/** What Element Plus resolves with when the officer presses the confirm button. */
const confirmed = { value: '', action: 'confirm' } as unknown as Awaited<ReturnType<typeof ElMessageBox.confirm>>;

const { global } = createAppI18n([formsMessages], 'zh-CN');
const t = (key: string, values?: Record<string, unknown>) => global.t(key, values ?? {});

beforeEach(() => confirm.mockReset());

describe('confirm dialogs', () => {
  it('resolves true when the officer confirms and false on cancel, × or Esc', async () => {
    confirm.mockResolvedValueOnce(confirmed);
    expect(await confirmAction({ title: '签认', message: '确认签认本日志？', tone: 'warning' })).toBe(true);
    confirm.mockRejectedValueOnce('cancel');
    expect(await confirmAction({ title: '签认', message: '确认签认本日志？', tone: 'warning' })).toBe(false);
    confirm.mockRejectedValueOnce('close');
    expect(await confirmAction({ title: '签认', message: '确认签认本日志？', tone: 'warning' })).toBe(false);
  });

  it('shows the message, title and tone; Element Plus’s own buttons unless the screen names them', async () => {
    confirm.mockResolvedValue(confirmed);
    await confirmAction({ title: '同步', message: '以本站为准？', tone: 'warning' });
    expect(confirm).toHaveBeenLastCalledWith('以本站为准？', '同步', { type: 'warning' });
    await confirmAction({ title: '事件', message: '删除这条事件？', confirmText: '删除', cancelText: '保留', tone: 'danger' });
    expect(confirm).toHaveBeenLastCalledWith('删除这条事件？', '事件', {
      type: 'warning',
      confirmButtonClass: 'el-button--danger',
      confirmButtonText: '删除',
      cancelButtonText: '保留',
    });
  });

  it('asks before discarding typed input, in the forms module’s words unless the screen has its own', async () => {
    confirm.mockResolvedValueOnce(confirmed);
    expect(await confirmDiscard(t)).toBe(true);
    expect(confirm).toHaveBeenLastCalledWith('表单中有尚未保存的内容，确定要放弃吗？', '放弃修改？', {
      type: 'warning',
      confirmButtonText: '放弃',
      cancelButtonText: '继续编辑',
    });
    confirm.mockRejectedValueOnce('cancel');
    expect(await confirmDiscard(t, { message: '放弃已填写的内容吗？', confirmText: '确定' })).toBe(false);
    expect(confirm).toHaveBeenLastCalledWith('放弃已填写的内容吗？', '放弃修改？', { type: 'warning', confirmButtonText: '确定', cancelButtonText: '继续编辑' });
  });
});
