import type { Translate } from './errors';

export interface ConfirmOptions {
  title: string;
  message: string;
  /** Button texts; Element Plus's own (确定 / 取消, in the UI language) when left out. */
  confirmText?: string;
  cancelText?: string;
  /** `danger`: the action destroys something (red button); `warning`: it has consequences. */
  tone: 'danger' | 'warning';
}

/** Asks the officer to confirm; resolves whether they did (cancel, × and Esc are a no). Texts are already translated. */
export async function confirmAction(options: ConfirmOptions): Promise<boolean> {
  // Loaded on first use (message-box.ts); a failed load is no confirmation.
  try {
    const { ElMessageBox } = await import('./message-box');
    await ElMessageBox.confirm(options.message, options.title, {
      type: 'warning',
      ...(options.tone === 'danger' ? { confirmButtonClass: 'el-button--danger' } : {}),
      ...(options.confirmText ? { confirmButtonText: options.confirmText } : {}),
      ...(options.cancelText ? { cancelButtonText: options.cancelText } : {}),
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Asks before throwing typed input away (Esc / cancel on a changed form). The forms module's words unless a
 * screen has its own; resolves true when the input may go.
 */
export function confirmDiscard(t: Translate, words: Partial<Omit<ConfirmOptions, 'tone'>> = {}): Promise<boolean> {
  return confirmAction({
    title: words.title ?? t('forms.discard.title'),
    message: words.message ?? t('forms.discard.message'),
    confirmText: words.confirmText ?? t('forms.discard.confirm'),
    cancelText: words.cancelText ?? t('forms.discard.keep'),
    tone: 'warning',
  });
}
